import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../../common/errors/app-exception';
import type { Principal } from '../auth/decorators';
import { type AuthorRole, StudioCourse } from './entities/studio-course.entity';
import { StudioErrors } from './studio.errors';

export type StudioCan = { edit: boolean; review: boolean; publish: boolean; manageAuthors: boolean; archive: boolean };
export type StudioAccess = { course: StudioCourse; authorRole: AuthorRole | null; role: AuthorRole | 'reviewer'; can: StudioCan };
export type StudioNeed = 'read' | 'edit' | 'review' | 'owner' | 'archive';

/**
 * Whether the caller reviews courses of the unit of `c` (SQL over the alias `c` of studio_courses):
 * an administrator, those of their scope; a teacher, those of the scope of their reviewer right.
 */
export function coversSql(p: Principal, params: unknown[]): string {
  if (p.role === 'admin') {
    switch (p.scope?.level) {
      case 'nation':
        return 'TRUE';
      case 'province':
        params.push(p.scope.unitId);
        return `c.province_id = $${params.length}`;
      case 'commune':
        params.push(p.scope.unitId);
        return `c.unit_id = $${params.length}`;
      case undefined:
        return 'FALSE';
    }
  }
  params.push(p.userId);
  return `EXISTS (SELECT 1 FROM studio_reviewers r WHERE r.user_id = $${params.length} AND (r.scope_level = 'nation'
            OR (r.scope_level = 'province' AND r.scope_unit_id = c.province_id) OR (r.scope_level = 'commune' AND r.scope_unit_id = c.unit_id)))`;
}

/**
 * The rule of who may see a course: its authors; reviewers of its unit once it was submitted; administrators of its
 * scope always. `a` is the caller's studio_authors row. Returns the SQL condition and the "covers" expression.
 */
export function visibleSql(p: Principal, params: unknown[]): { visible: string; covers: string } {
  const covers = coversSql(p, params);
  const submitted = p.role === 'admin' ? 'TRUE' : 'c.submitted_at IS NOT NULL';
  return { covers, visible: `(a.user_id IS NOT NULL OR ((${covers}) AND ${submitted}))` };
}

/**
 * One question per request: may this person do this to this course? Anything they may not see is a
 * 404 (ids reveal nothing); what they see but may not do is a 403. An author never reviews or
 * publishes their own course, whatever else they are.
 */
@Injectable()
export class StudioAccessService {
  constructor(private readonly dataSource: DataSource) {}

  async open(p: Principal, id: string, need: StudioNeed = 'read', em: EntityManager = this.dataSource.manager): Promise<StudioAccess> {
    const params: unknown[] = [id, p.userId];
    const { covers, visible } = visibleSql(p, params);
    const [row] = (await em.query(
      `SELECT c.id, a.role AS author_role, (${covers}) AS covers FROM studio_courses c
         LEFT JOIN studio_authors a ON a.course_id = c.id AND a.user_id = $2
        WHERE c.id = $1 AND ${visible}`,
      params,
    )) as { id: string; author_role: AuthorRole | null; covers: boolean }[];
    if (!row) throw notFound('Course');
    const course = await em.getRepository(StudioCourse).findOneByOrFail({ id });
    const access = accessOf(course, row.author_role, row.covers);
    if (need === 'edit' && !access.authorRole) throw StudioErrors.notAuthor();
    if (need === 'edit' && course.status === 'archived') throw StudioErrors.archived();
    if (need === 'review' && !(row.covers && !access.authorRole)) throw StudioErrors.notReviewer();
    if (need === 'owner' && access.authorRole !== 'owner') throw StudioErrors.notOwner();
    if (need === 'archive' && !access.can.archive) throw course.status === 'archived' ? StudioErrors.archived() : StudioErrors.notOwner();
    return access;
  }

  /** A change was made to the draft: it differs from what learners see, and a published course is a draft again. */
  async edited(em: EntityManager, courseId: string): Promise<void> {
    await em.query(
      `UPDATE studio_courses SET edited_at = clock_timestamp(), updated_at = now(), status = CASE WHEN status = 'published' THEN 'draft' ELSE status END WHERE id = $1`,
      [courseId],
    );
  }
}

export function accessOf(course: StudioCourse, authorRole: AuthorRole | null, covers: boolean): StudioAccess {
  const live = course.status !== 'archived';
  const reviewer = covers && !authorRole;
  return {
    course,
    authorRole,
    role: authorRole ?? 'reviewer',
    can: {
      edit: !!authorRole && live,
      review: reviewer && course.status === 'in_review',
      publish: reviewer && course.status === 'in_review',
      manageAuthors: authorRole === 'owner' && live,
      archive: live && (authorRole === 'owner' || reviewer),
    },
  };
}

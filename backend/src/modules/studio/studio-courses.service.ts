import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { fieldError, notFound } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/decorators';
import { parseLogin } from '../users/login-identifier';
import { User } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import type {
  AddAuthorDto, AddCommentDto, CreateStudioCourseDto, StudioAuthorDto, StudioCommentDto, StudioCourseDto, StudioCourseSummaryDto, UpdateStudioCourseDto,
} from './dto/studio.dto';
import { StudioLesson, StudioMedia, StudioQuestion, StudioQuiz } from './entities/studio-content.entity';
import { StudioAuthor, StudioComment, StudioCourse } from './entities/studio-course.entity';
import { type StudioAccess, StudioAccessService, visibleSql } from './studio-access.service';
import { StudioCheckService } from './studio-check.service';
import { StudioErrors } from './studio.errors';
import { lessonSummaryDto, mediaDto, questionDto, quizDto } from './studio.mappers';

type SummaryRow = {
  id: string; slug: string; title: string; status: StudioCourse['status']; version: number; author_role: 'owner' | 'coauthor' | null;
  changed: boolean; published_version: number | null; unit_name: string; updated_at: Date;
};

/** The course's own fields a PUT may change, in the shape a conflict hands back. */
const META = ['title', 'summary', 'coverImage', 'targetGroups', 'competencies', 'estimatedMinutes', 'ordering', 'questionDefaults'] as const;
type Meta = Pick<StudioCourse, (typeof META)[number]>;
const metaOf = (c: StudioCourse): Meta => Object.fromEntries(META.map((k) => [k, c[k]])) as Meta;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Courses of the studio: the list, creation, the course's own fields, comments and authors. */
@Injectable()
export class StudioCoursesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: StudioAccessService,
    private readonly checks: StudioCheckService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async list(p: Principal): Promise<StudioCourseSummaryDto[]> {
    const params: unknown[] = [p.userId];
    const { visible } = visibleSql(p, params);
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.slug, c.title, c.status, c.version, a.role AS author_role, (c.published_at IS NULL OR c.edited_at > c.published_at) AS changed,
              pc.version AS published_version, u.name AS unit_name, c.updated_at
         FROM studio_courses c
         LEFT JOIN studio_authors a ON a.course_id = c.id AND a.user_id = $1
         LEFT JOIN courses pc ON pc.id = c.published_course_id
         JOIN admin_units u ON u.id = c.unit_id
        WHERE ${visible}
        ORDER BY (c.status = 'archived'), c.updated_at DESC LIMIT 500`,
      params,
    )) as SummaryRow[];
    return rows.map((r) => ({
      id: r.id, slug: r.slug, title: r.title, status: r.status, myRole: r.author_role ?? 'reviewer', hasUnpublishedChanges: r.changed,
      version: r.version, publishedVersion: r.published_version, unitName: r.unit_name, updatedAt: new Date(r.updated_at).toISOString(),
    }));
  }

  /** A new draft in the caller's unit with the caller as owner; a resend with the same Idempotency-Key finds the same draft. */
  async create(p: Principal, dto: CreateStudioCourseDto, key: string | null): Promise<StudioCourseDto> {
    const id = await this.dataSource.transaction(async (em) => {
      if (key) {
        const again = await em.getRepository(StudioCourse).findOneBy({ createdById: p.userId, idempotencyKey: key });
        if (again) return again.id;
      }
      await this.slugFree(em, dto.slug);
      const me = await em.getRepository(User).findOneByOrFail({ id: p.userId });
      const course = await em.getRepository(StudioCourse).save(
        em.getRepository(StudioCourse).create({ slug: dto.slug, title: dto.title.trim(), unitId: me.unitId, provinceId: me.provinceId, createdById: p.userId, idempotencyKey: key }),
      );
      await em.getRepository(StudioAuthor).insert({ courseId: course.id, userId: p.userId, role: 'owner', addedById: p.userId });
      return course.id;
    });
    return this.detail(p, id);
  }

  /** A slug is the learners' address of the course: no other live draft and no shipped course may have it. */
  async slugFree(em: EntityManager, slug: string, except?: string): Promise<void> {
    const [clash] = (await em.query(
      `SELECT 'studio' AS kind FROM studio_courses WHERE slug = $1 AND status <> 'archived' AND id IS DISTINCT FROM $2
       UNION ALL SELECT 'files' FROM courses c WHERE c.slug = $1 AND c.source = 'files'
       UNION ALL SELECT 'studio' FROM courses c WHERE c.slug = $1 AND c.source = 'studio'
         AND NOT EXISTS (SELECT 1 FROM studio_courses s WHERE s.published_course_id = c.id AND s.id IS NOT DISTINCT FROM $2)
       LIMIT 1`,
      [slug, except ?? null],
    )) as { kind: string }[];
    if (clash) throw StudioErrors.taken('slug', clash.kind === 'files' ? `slug ${slug} is a course shipped with the platform` : `slug ${slug} is taken by another course`);
  }

  async detail(p: Principal, id: string): Promise<StudioCourseDto> {
    return this.dto(p, await this.access.open(p, id));
  }

  async dto(p: Principal, a: StudioAccess, em: EntityManager = this.dataSource.manager): Promise<StudioCourseDto> {
    const c = a.course;
    const [lessons, questions, quizzes, media, authors, comments, published, unit] = await Promise.all([
      em.getRepository(StudioLesson).find({ where: { courseId: c.id }, order: { position: 'ASC' } }),
      em.getRepository(StudioQuestion).find({ where: { courseId: c.id }, order: { position: 'ASC' } }),
      em.getRepository(StudioQuiz).find({ where: { courseId: c.id }, order: { position: 'ASC' } }),
      em.getRepository(StudioMedia).find({ where: { courseId: c.id }, order: { name: 'ASC' } }),
      this.authorsOf(em, c.id),
      this.commentsOf(em, c.id),
      c.publishedCourseId ? (em.query('SELECT slug, version FROM courses WHERE id = $1', [c.publishedCourseId]) as Promise<{ slug: string; version: number }[]>) : [],
      em.query('SELECT name FROM admin_units WHERE id = $1', [c.unitId]) as Promise<{ name: string }[]>,
    ]);
    return {
      id: c.id, slug: c.slug, title: c.title, status: c.status, myRole: a.role,
      hasUnpublishedChanges: !c.publishedAt || c.editedAt > c.publishedAt, version: c.version,
      publishedVersion: published[0]?.version ?? null, publishedSlug: published[0]?.slug ?? null, unitName: unit[0]?.name ?? '',
      updatedAt: c.updatedAt.toISOString(), summary: c.summary, coverImage: c.coverImage, targetGroups: c.targetGroups, competencies: c.competencies,
      estimatedMinutes: c.estimatedMinutes, ordering: c.ordering, questionDefaults: c.questionDefaults, can: a.can,
      lessons: lessons.map(lessonSummaryDto), questions: questions.map(questionDto), quizzes: quizzes.map(quizDto),
      media: media.map((m) => mediaDto(c.id, m)), authors, comments,
      problems: await this.checks.problems(c.id),
    };
  }

  /**
   * The course's own fields, under an optimistic lock: a save from an older version whose fields
   * differ from the current ones is a conflict carrying both; the same fields again change nothing.
   */
  async update(p: Principal, id: string, dto: UpdateStudioCourseDto): Promise<StudioCourseDto> {
    await this.dataSource.transaction(async (em) => {
      const { course } = await this.access.open(p, id, 'edit', em);
      const current = metaOf(course);
      const { version, ...changes } = dto;
      const next: Meta = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
      if (typeof next.title === 'string') next.title = next.title.trim();
      if (same(next, current)) return;
      if (version !== course.version) throw StudioErrors.editConflict({ ...next, version }, { ...current, version: course.version });
      const updated = await em.createQueryBuilder().update(StudioCourse)
        .set({ ...next, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (updated.affected !== 1) {
        const theirs = await em.getRepository(StudioCourse).findOneByOrFail({ id });
        throw StudioErrors.editConflict({ ...next, version }, { ...metaOf(theirs), version: theirs.version });
      }
      await this.access.edited(em, id);
    });
    return this.detail(p, id);
  }

  async comments(p: Principal, id: string): Promise<StudioCommentDto[]> {
    await this.access.open(p, id);
    return this.commentsOf(this.dataSource.manager, id);
  }

  /** Anyone who may read the course comments on it or on one of its lessons. */
  async addComment(p: Principal, id: string, dto: AddCommentDto, em: EntityManager = this.dataSource.manager): Promise<StudioCommentDto> {
    await this.access.open(p, id, 'read', em);
    if (dto.lessonId && !(await em.getRepository(StudioLesson).existsBy({ id: dto.lessonId, courseId: id }))) {
      throw fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'lessonId', 'lessonId is not a lesson of this course');
    }
    const saved = await em.getRepository(StudioComment).save(em.getRepository(StudioComment).create({ courseId: id, lessonId: dto.lessonId ?? null, authorId: p.userId, text: dto.text.trim() }));
    return (await this.commentsOf(em, id)).find((c) => c.id === saved.id)!;
  }

  async resolveComment(p: Principal, id: string, commentId: string): Promise<StudioCommentDto> {
    await this.access.open(p, id);
    const repo = this.dataSource.getRepository(StudioComment);
    if (!(await repo.existsBy({ id: commentId, courseId: id }))) throw notFound('Comment');
    // Resolving twice keeps the first resolution.
    await repo.update({ id: commentId, resolvedAt: IsNull() }, { resolvedAt: new Date(), resolvedById: p.userId });
    return (await this.commentsOf(this.dataSource.manager, id)).find((c) => c.id === commentId)!;
  }

  /** Owners add a teacher or an administrator by phone or email; adding someone again changes their role. */
  async addAuthor(p: Principal, id: string, dto: AddAuthorDto, meta: RequestMeta): Promise<StudioAuthorDto[]> {
    // Who may not manage the authors learns nothing about the login either.
    await this.access.open(p, id, 'owner');
    const login = parseLogin(dto.login);
    const user = login ? await this.users.findByLogin(login) : null;
    if (!user || user.status !== 'active' || (user.role !== 'teacher' && user.role !== 'admin')) {
      throw fieldError(HttpStatus.BAD_REQUEST, 'AUTHOR_NOT_FOUND', 'login', 'login is not an active teacher or administrator');
    }
    await this.dataSource.transaction(async (em) => {
      await this.access.open(p, id, 'owner', em);
      const before = await em.getRepository(StudioAuthor).findOneBy({ courseId: id, userId: user.id });
      if (before?.role === dto.role) return;
      if (before?.role === 'owner') await this.keepAnOwner(em, id, user.id);
      await em.createQueryBuilder().insert().into(StudioAuthor).values({ courseId: id, userId: user.id, role: dto.role, addedById: p.userId })
        .orUpdate(['role'], ['course_id', 'user_id']).execute();
      await this.audit.record('studio.author_added', { actorId: p.userId, subjectId: user.id, meta, details: { courseId: id, role: dto.role, before: before?.role ?? null } }, em);
    });
    return this.authorsOf(this.dataSource.manager, id);
  }

  async removeAuthor(p: Principal, id: string, userId: string, meta: RequestMeta): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await this.access.open(p, id, 'owner', em);
      const author = await em.getRepository(StudioAuthor).findOneBy({ courseId: id, userId });
      if (!author) throw notFound('Author');
      if (author.role === 'owner') await this.keepAnOwner(em, id, userId);
      await em.getRepository(StudioAuthor).delete({ courseId: id, userId });
      await this.audit.record('studio.author_removed', { actorId: p.userId, subjectId: userId, meta, details: { courseId: id, role: author.role } }, em);
    });
  }

  /** A course always keeps one owner (the rows are locked, so two owners cannot remove each other at once). */
  private async keepAnOwner(em: EntityManager, courseId: string, leaving: string): Promise<void> {
    const owners = (await em.query(`SELECT user_id FROM studio_authors WHERE course_id = $1 AND role = 'owner' FOR UPDATE`, [courseId])) as { user_id: string }[];
    if (owners.every((o) => o.user_id === leaving)) throw StudioErrors.lastOwner();
  }

  private async authorsOf(em: EntityManager, courseId: string): Promise<StudioAuthorDto[]> {
    const rows = (await em.query(
      `SELECT a.user_id, a.role, a.added_at, u.full_name FROM studio_authors a JOIN users u ON u.id = a.user_id
        WHERE a.course_id = $1 ORDER BY a.role DESC, a.added_at`,
      [courseId],
    )) as { user_id: string; role: 'owner' | 'coauthor'; added_at: Date; full_name: string | null }[];
    return rows.map((r) => ({ userId: r.user_id, fullName: r.full_name ?? '—', role: r.role, addedAt: new Date(r.added_at).toISOString() }));
  }

  private async commentsOf(em: EntityManager, courseId: string): Promise<StudioCommentDto[]> {
    const rows = (await em.query(
      `SELECT m.id, m.lesson_id, m.author_id, m.text, m.created_at, m.resolved_at, u.full_name FROM studio_comments m JOIN users u ON u.id = m.author_id
        WHERE m.course_id = $1 ORDER BY m.created_at, m.id`,
      [courseId],
    )) as { id: string; lesson_id: string | null; author_id: string; text: string; created_at: Date; resolved_at: Date | null; full_name: string | null }[];
    return rows.map((r) => ({
      id: r.id, lessonId: r.lesson_id, authorId: r.author_id, authorName: r.full_name ?? '—', text: r.text, resolved: r.resolved_at !== null,
      createdAt: new Date(r.created_at).toISOString(), resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
    }));
  }
}

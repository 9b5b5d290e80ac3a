import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestMeta } from '../../common/http/request-meta';
import { JobQueue } from '../../jobs/job-queue';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/decorators';
import { ContentImportService } from '../content/content-import.service';
import type { StudioCourseDto } from './dto/studio.dto';
import { StudioComment, StudioCourse } from './entities/studio-course.entity';
import { StudioAccessService } from './studio-access.service';
import { StudioCheckService } from './studio-check.service';
import { StudioCoursesService } from './studio-courses.service';
import { StudioErrors } from './studio.errors';

/**
 * Draft → in review → published, by a reviewer who is not an author; archived from anywhere. Every
 * step is audited. Publishing writes the checked course into the learner tables through the content
 * importer (matched by stable lesson slugs and question ids, so learners keep what they did) and
 * tells every API process at once.
 */
@Injectable()
export class StudioWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: StudioAccessService,
    private readonly checks: StudioCheckService,
    private readonly courses: StudioCoursesService,
    private readonly importer: ContentImportService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
  ) {}

  /** Authors send a valid draft for review; sending it again changes nothing. */
  async submit(p: Principal, id: string, meta: RequestMeta): Promise<StudioCourseDto> {
    await this.dataSource.transaction(async (em) => {
      await this.lock(em, id);
      const { course } = await this.access.open(p, id, 'edit', em);
      if (course.status === 'in_review') return;
      if (course.status === 'published') throw StudioErrors.wrongStatus(course.status, 'changes since the last publish');
      const checked = await this.checks.check(id, em);
      if (checked.errors) throw StudioErrors.invalid(checked.problems);
      await em.getRepository(StudioCourse).update(id, { status: 'in_review', submittedAt: new Date() });
      await this.audit.record('studio.submitted', { actorId: p.userId, meta, details: { courseId: id, slug: course.slug } }, em);
    });
    return this.courses.detail(p, id);
  }

  /** A reviewer sends the course back to its authors, saying why (kept as a comment). */
  async giveBack(p: Principal, id: string, comment: string, meta: RequestMeta): Promise<StudioCourseDto> {
    await this.dataSource.transaction(async (em) => {
      await this.lock(em, id);
      const { course } = await this.access.open(p, id, 'review', em);
      if (course.status !== 'in_review') throw StudioErrors.wrongStatus(course.status, 'in_review');
      await em.getRepository(StudioCourse).update(id, { status: 'draft' });
      await em.getRepository(StudioComment).insert({ courseId: id, authorId: p.userId, text: comment.trim() });
      await this.audit.record('studio.returned', { actorId: p.userId, meta, details: { courseId: id, slug: course.slug } }, em);
    });
    return this.courses.detail(p, id);
  }

  /**
   * A reviewer publishes what is in review: the draft is written out in full, checked by the one
   * validator, and written into the learner tables in the same transaction as its new status. An
   * author's edit made meanwhile waits for the course's lock and leaves the course a draft again.
   */
  async publish(p: Principal, id: string, meta: RequestMeta): Promise<StudioCourseDto> {
    const done = await this.dataSource.transaction(async (em) => {
      await this.lock(em, id);
      const { course } = await this.access.open(p, id, 'review', em);
      if (course.status !== 'in_review') throw StudioErrors.wrongStatus(course.status, 'in_review');
      return this.checks.withFolder(id, 'full', async (_dir, checked) => {
        if (checked.errors || !checked.course || !checked.frameworkVersion) throw StudioErrors.invalid(checked.problems);
        const published = await this.importer.publish(em, checked.course, checked.frameworkVersion, course.publishedCourseId);
        await em.query(
          `UPDATE studio_courses SET status = 'published', published_course_id = $2, published_at = clock_timestamp(), updated_at = now() WHERE id = $1`,
          [id, published.courseId],
        );
        await this.audit.record('studio.published', {
          actorId: p.userId, meta, details: { courseId: id, slug: course.slug, learnerCourseId: published.courseId, version: published.version, outcome: published.outcome },
        }, em);
        return { slug: course.slug, version: published.version };
      }, em);
    });
    await this.importer.announce([done.slug]);
    // The assistant's passages follow the published lessons (keyed by the version: a retry enqueues once).
    await this.jobs.enqueue('assistant-index', { reason: `studio publish ${done.slug}` }, `assistant-index-studio-${id}-${done.version}`);
    return this.courses.detail(p, id);
  }

  /** Owners and reviewers archive a course: it leaves the catalogue, learners' history stays. */
  async archive(p: Principal, id: string, meta: RequestMeta): Promise<StudioCourseDto> {
    const slug = await this.dataSource.transaction(async (em) => {
      await this.lock(em, id);
      const { course } = await this.access.open(p, id, 'archive', em);
      await em.getRepository(StudioCourse).update(id, { status: 'archived' });
      const archived = course.publishedCourseId ? await this.importer.archiveCourse(em, course.publishedCourseId) : null;
      await this.audit.record('studio.archived', { actorId: p.userId, meta, details: { courseId: id, slug: course.slug, learnerCourseId: course.publishedCourseId } }, em);
      return archived;
    });
    if (slug) await this.importer.announce([slug]);
    return this.courses.detail(p, id);
  }

  private async lock(em: EntityManager, id: string): Promise<void> {
    await em.query('SELECT 1 FROM studio_courses WHERE id = $1 FOR UPDATE', [id]);
  }
}

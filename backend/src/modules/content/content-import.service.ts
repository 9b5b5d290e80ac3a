import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull, Not } from 'typeorm';
import { AppException, fieldError } from '../../common/errors/app-exception';
import { InvalidationBus } from '../../common/redis/invalidation-bus';
import type { ContentImportReport } from './entities/content-import.entity';
import { Competency } from './entities/competency.entity';
import { Course } from './entities/course.entity';
import { FrameworkVersion } from './entities/framework-version.entity';
import { Lesson } from './entities/lesson.entity';
import { Question } from './entities/question.entity';
import { Quiz } from './entities/quiz.entity';
import type { CourseDraft, FrameworkDraft } from './files/content-model';
import { readContent } from './files/content-reader';
import { type ContentLimits, DEFAULT_LIMITS } from './files/content-tree';
import { formatProblem } from './files/problems';

export class ContentInvalidError extends AppException {
  constructor(readonly problems: string[]) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, 'CONTENT_INVALID', `${problems.length} problems in the content files`, { problems });
  }
}

/** The topic of `InvalidationBus` a course's slug is published on when its content changed: learners' caches drop it. */
export const COURSE_CONTENT_TOPIC = 'course-content';

type Outcome = 'created' | 'updated' | 'unchanged';

/**
 * Loads content/ into the database. Idempotent: a course whose files hash the same is skipped.
 * All or nothing: the files are read and checked first (any problem refuses the whole import), then
 * the framework and every course are written in one transaction, so a course refused by the
 * database leaves nothing of the others behind. Nothing learners may have used is deleted: lessons,
 * questions and quizzes that left the files, and courses whose folder left, are archived. The
 * authoring studio publishes through the same course writer (`publish`): a course belongs to the
 * files or to the studio (`courses.source`), and neither ever overwrites nor archives the other's.
 * Every change raises the course's version and is announced to every API process at once.
 */
@Injectable()
export class ContentImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bus?: InvalidationBus,
  ) {}

  async importDirectory(
    contentDir: string,
    onProgress: (percent: number) => Promise<void> = async () => undefined,
    limits: ContentLimits = DEFAULT_LIMITS,
  ): Promise<ContentImportReport> {
    const content = await readContent(contentDir, limits);
    if (content.errors > 0 || !content.framework) {
      throw new ContentInvalidError(content.problems.filter((p) => !p.warning).map(formatProblem));
    }
    const framework = content.framework;
    // Progress is written outside the transaction (its own connection), so only between phases.
    await onProgress(50);
    const report = await this.dataSource.transaction(async (em) => {
      // One import at a time across processes; the lock ends with the transaction.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('content_import'))`);
      const versionId = await this.upsertFramework(em, framework);
      const report: ContentImportReport = { created: [], updated: [], unchanged: [], archived: [] };
      for (const course of content.courses) {
        const outcome = await this.upsertCourse(em, course, versionId).catch((err: unknown) => {
          if (err instanceof ContentInvalidError) throw err;
          // A refusal the validator did not foresee still names its file; the transaction rolls back.
          throw new ContentInvalidError([`courses/${course.folder}/course.yaml:1: the database refused this course: ${(err as Error).message.split('\n')[0]}`]);
        });
        report[outcome].push(course.slug);
      }
      const courses = em.getRepository(Course);
      // Only the files' own courses leave with their folder: a studio course has none.
      const gone = await courses.find({ where: { slug: Not(In(content.courses.map((c) => c.slug))), archivedAt: IsNull(), source: 'files' } });
      for (const course of gone) {
        await courses.update(course.id, { archivedAt: new Date(), version: course.version + 1 });
        report.archived.push(course.slug);
      }
      return report;
    });
    await this.announce([...report.created, ...report.updated, ...report.archived]);
    return report;
  }

  /**
   * Writes one checked course from the authoring studio into the learner tables, in the caller's
   * transaction, with the framework version the check read. `courseId` is the course this draft
   * published before (null the first time). A slug held by a shipped course, or by another studio
   * course, is a 409 naming the slug. Call `announce` with the slug once the transaction commits.
   */
  async publish(em: EntityManager, draft: CourseDraft, frameworkVersion: string, courseId: string | null): Promise<{ courseId: string; version: number; outcome: Outcome }> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('content_import'))`);
    const [fv] = (await em.query('SELECT id FROM framework_versions WHERE version = $1', [frameworkVersion])) as { id: string }[];
    if (!fv) throw new ContentInvalidError([`framework/framework.yaml:1: framework version ${frameworkVersion} is not loaded; import the content first`]);
    const clash = await em.getRepository(Course).findOne({ where: { slug: draft.slug } });
    if (clash && (clash.source !== 'studio' || clash.id !== courseId)) {
      throw fieldError(HttpStatus.CONFLICT, 'ALREADY_EXISTS', 'slug', clash.source === 'files' ? `slug ${draft.slug} is a course shipped with the platform` : `slug ${draft.slug} is taken by another course`);
    }
    const outcome = await this.upsertCourse(em, draft, fv.id, 'studio', courseId);
    const course = await em.getRepository(Course).findOneByOrFail({ slug: draft.slug });
    return { courseId: course.id, version: course.version, outcome };
  }

  /** Drops these courses from the learners' caches in every API process (after the change is committed). */
  async announce(slugs: string[]): Promise<void> {
    await Promise.all(slugs.map((slug) => this.bus?.publish(COURSE_CONTENT_TOPIC, slug)));
  }

  /** Archives a studio course for learners (its history stays); returns its slug, to announce. */
  async archiveCourse(em: EntityManager, courseId: string): Promise<string | null> {
    const done = await em.createQueryBuilder().update(Course).set({ archivedAt: () => 'now()', version: () => 'version + 1' })
      .where(`id = :courseId AND source = 'studio' AND archived_at IS NULL`, { courseId }).returning('slug').execute();
    return (done.raw as { slug: string }[])[0]?.slug ?? null;
  }

  private async upsertFramework(em: EntityManager, f: FrameworkDraft): Promise<string> {
    const repo = em.getRepository(FrameworkVersion);
    const definition = { levels: f.levels, domains: f.domains, targetGroups: f.targetGroups };
    let version = await repo.findOne({ where: { version: f.version } });
    if (!version) version = await repo.save(repo.create({ version: f.version, title: f.title, definition, profiles: f.profiles, profilesStatus: f.profilesStatus, current: true }));
    else await repo.update(version.id, { title: f.title, definition, profiles: f.profiles, profilesStatus: f.profilesStatus, current: true });
    await repo.update({ id: Not(version.id), current: true }, { current: false });
    const rows = f.domains.flatMap((d) => d.competencies.map((c) => ({ frameworkVersionId: version.id, code: c.code, domainCode: d.code, name: c.name, nameEn: c.nameEn })));
    await em.createQueryBuilder().insert().into(Competency).values(rows).orUpdate(['domain_code', 'name', 'name_en'], ['framework_version_id', 'code']).execute();
    await this.proposePolicies(em, version.id, f.policies);
    return version.id;
  }

  /** The shipped policies fill only the gaps: a policy an administrator has set is never overwritten. */
  private async proposePolicies(em: EntityManager, frameworkVersionId: string, policies: FrameworkDraft['policies']): Promise<void> {
    for (const [targetGroup, p] of Object.entries(policies)) {
      await em.query(
        `INSERT INTO certification_policies (framework_version_id, target_group, required_courses, min_overall_score, min_domain_score,
           require_profile_levels, questions_per_competency, self_rating_weight, max_attempts, cooldown_hours, time_limit_minutes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (framework_version_id, target_group) DO NOTHING`,
        [frameworkVersionId, targetGroup, p.requiredCourses, p.minOverallScore, p.minDomainScore, p.requireProfileLevels,
          p.questionsPerCompetency, p.selfRatingWeight, p.maxAttempts, p.cooldownHours, p.timeLimitMinutes],
      );
    }
  }

  private async upsertCourse(
    em: EntityManager, draft: CourseDraft, frameworkVersionId: string, source: Course['source'] = 'files', studioCourseId: string | null = null,
  ): Promise<Outcome> {
    const courses = em.getRepository(Course);
    const existing = studioCourseId ? await courses.findOneBy({ id: studioCourseId }) : await courses.findOne({ where: { slug: draft.slug } });
    if (existing && existing.source !== source) {
      throw new ContentInvalidError([`courses/${draft.folder}/course.yaml:1: slug ${draft.slug} belongs to a course written in the authoring studio; choose another slug`]);
    }
    if (existing && existing.contentHash === draft.contentHash && !existing.archivedAt) return 'unchanged';
    const fields = {
      slug: draft.slug,
      frameworkVersionId,
      title: draft.title,
      summary: draft.summary,
      targetGroups: draft.targetGroups,
      competencies: draft.competencies,
      competencyCodes: draft.competencies.map((c) => c.code),
      domainCodes: [...new Set(draft.competencies.map((c) => c.code.split('.')[0]!))],
      levels: [...new Set(draft.competencies.map((c) => c.level))].sort(),
      estimatedMinutes: draft.estimatedMinutes,
      ordering: draft.ordering,
      coverImage: draft.coverImage,
      contentHash: draft.contentHash,
      source,
      version: existing ? existing.version + 1 : 1,
      archivedAt: null,
    };
    const course = existing ? { ...existing, ...fields } : courses.create(fields);
    const saved = await courses.save(course);
    const now = new Date();

    const lessons = em.getRepository(Lesson);
    for (const l of draft.lessons) {
      await em.createQueryBuilder().insert().into(Lesson)
        .values({ courseId: saved.id, slug: l.slug, position: l.position, title: l.title, body: l.body, competencies: l.competencies, estimatedMinutes: l.estimatedMinutes, required: l.required, video: l.video, archivedAt: null })
        .orUpdate(['position', 'title', 'body', 'competencies', 'estimated_minutes', 'required', 'video', 'archived_at'], ['course_id', 'slug'])
        .execute();
    }
    await lessons.update({ courseId: saved.id, slug: Not(In(draft.lessons.map((l) => l.slug))), archivedAt: IsNull() }, { archivedAt: now });

    for (const q of draft.questions) {
      await em.createQueryBuilder().insert().into(Question)
        .values({
          courseId: saved.id, externalId: q.externalId, bankFile: q.file, type: q.type, competency: q.competency, level: q.level,
          prompt: q.prompt, explanation: q.explanation, payload: { options: q.options, accepted: q.accepted, answers: q.answers, numbers: q.numbers, pairs: q.pairs, feedback: q.feedback, grading: q.grading, rich: q.rich }, archivedAt: null,
        })
        .orUpdate(['bank_file', 'type', 'competency', 'level', 'prompt', 'explanation', 'payload', 'archived_at'], ['course_id', 'external_id'])
        .execute();
    }
    await em.getRepository(Question).update({ courseId: saved.id, externalId: Not(In(draft.questions.map((q) => q.externalId))), archivedAt: IsNull() }, { archivedAt: now });

    for (const z of draft.quizzes) {
      await em.createQueryBuilder().insert().into(Quiz)
        .values({
          courseId: saved.id, slug: z.slug, title: z.title, banks: z.banks, questionCount: z.questionCount, draw: z.draw, passPercent: z.passPercent,
          required: z.required, maxAttempts: z.maxAttempts, cooldownSeconds: z.cooldownSeconds, timeLimitSeconds: z.timeLimitSeconds, showAnswers: z.showAnswers, archivedAt: null,
        })
        .orUpdate(['title', 'banks', 'question_count', 'draw', 'pass_percent', 'required', 'max_attempts', 'cooldown_seconds', 'time_limit_seconds', 'show_answers', 'archived_at'], ['course_id', 'slug'])
        .execute();
    }
    await em.getRepository(Quiz).update({ courseId: saved.id, slug: Not(In(draft.quizzes.map((z) => z.slug))), archivedAt: IsNull() }, { archivedAt: now });

    // The folded search text is computed by PostgreSQL itself, like the queries that use it.
    await em.query(
      `UPDATE courses c SET search_text = vn_unaccent(c.title || ' ' || c.summary || ' ' ||
         coalesce((SELECT string_agg(l.title, ' ') FROM lessons l WHERE l.course_id = c.id AND l.archived_at IS NULL), ''))
       WHERE c.id = $1`,
      [saved.id],
    );
    return existing ? 'updated' : 'created';
  }
}

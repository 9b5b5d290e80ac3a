import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Principal } from '../auth/decorators';
import { ContentChecksService } from '../content/content-checks.service';
import type { CourseDraft } from '../content/files/content-model';
import { User } from '../users/entities/user.entity';
import type { StudioCourseDto, StudioProblemDto } from './dto/studio.dto';
import { StudioLesson, StudioMedia, StudioQuestion, StudioQuiz } from './entities/studio-content.entity';
import { StudioAuthor, StudioCourse } from './entities/studio-course.entity';
import { StudioAccessService } from './studio-access.service';
import { contentRoot, StudioCheckService } from './studio-check.service';
import { StudioCoursesService } from './studio-courses.service';
import { STUDIO_LIMITS } from './studio-folder';
import { readZip, writeZip, ZipRefused } from './studio-zip';
import { StudioErrors } from './studio.errors';

const ZIP_LIMITS = { entries: STUDIO_LIMITS.filesPerCourse * 2, totalBytes: STUDIO_LIMITS.courseBytes, ratio: 100 };

/**
 * A course's files both ways, through the one validator: a draft exports as the
 * `content/courses/<slug>/` folder format in a zip, and such a zip imports as a new draft once the
 * content reader finds nothing wrong in it (every problem is reported by file and line).
 */
@Injectable()
export class StudioFilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: StudioAccessService,
    private readonly checks: StudioCheckService,
    private readonly contentChecks: ContentChecksService,
    private readonly courses: StudioCoursesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every file of the course folder, under a top folder named by the slug. */
  async exportZip(p: Principal, id: string): Promise<{ slug: string; zip: Uint8Array }> {
    const { course } = await this.access.open(p, id);
    return this.checks.withFolder(id, 'full', async (dir, checked) => {
      const files = new Map<string, Uint8Array>();
      for (const file of checked.folder.texts.keys()) files.set(`${course.slug}/${file}`, await readFile(path.join(dir, file)));
      for (const m of checked.folder.draft.media) files.set(`${course.slug}/media/${m.name}`, await readFile(path.join(dir, 'media', m.name)));
      return { slug: course.slug, zip: writeZip(files) };
    });
  }

  async importZip(p: Principal, zip: Buffer, slugOverride: string | undefined): Promise<StudioCourseDto> {
    let files: Map<string, Buffer>;
    try {
      files = readZip(zip, ZIP_LIMITS);
    } catch (err) {
      if (err instanceof ZipRefused) throw StudioErrors.zipRefused(err.message);
      throw err;
    }
    const { folder, inCourse } = courseFolderOf(files);
    const { course, problems } = await this.read(folder, inCourse);
    if (!course || problems.some((x) => !x.warning)) throw StudioErrors.invalid(problems);
    const id = await this.dataSource.transaction(async (em) => {
      const slug = slugOverride ?? course.slug;
      await this.courses.slugFree(em, slug);
      const me = await em.getRepository(User).findOneByOrFail({ id: p.userId });
      const created = await em.getRepository(StudioCourse).save(em.getRepository(StudioCourse).create({
        slug, title: course.title, summary: course.summary, coverImage: course.coverImage?.slice('media/'.length) ?? null, targetGroups: course.targetGroups,
        competencies: course.competencies, estimatedMinutes: course.estimatedMinutes, ordering: course.ordering, questionDefaults: course.questionDefaults,
        unitId: me.unitId, provinceId: me.provinceId, createdById: p.userId,
      }));
      await em.getRepository(StudioAuthor).insert({ courseId: created.id, userId: p.userId, role: 'owner', addedById: p.userId });
      await em.getRepository(StudioLesson).insert(course.lessons.map((l, i) => ({
        courseId: created.id, slug: l.slug, position: i + 1, title: l.title, body: l.body, competencies: l.competencies, estimatedMinutes: l.estimatedMinutes,
        required: l.required, video: l.video, updatedById: p.userId,
      })));
      if (course.questions.length) {
        await em.getRepository(StudioQuestion).insert(course.questions.map((q, i) => ({
          courseId: created.id, externalId: q.externalId, bank: q.file.slice('questions/'.length), position: i + 1, type: q.type, competency: q.competency,
          level: q.level, prompt: q.prompt, explanation: q.explanation,
          payload: Object.fromEntries((['options', 'accepted', 'answers', 'numbers', 'pairs', 'feedback', 'grading'] as const).filter((k) => q[k] !== undefined).map((k) => [k, q[k]])),
        })));
      }
      const banks = [...new Set(course.questions.map((q) => q.file))].sort();
      if (course.quizzes.length) {
        await em.getRepository(StudioQuiz).insert(course.quizzes.map((z, i) => {
          const drawTotal = z.draw.reduce((n, r) => n + r.count, 0);
          // What the studio writes by default is kept as its default: every bank, the count of the draw.
          const allBanks = [...new Set(z.banks)].sort().join('\n') === banks.join('\n');
          return {
            courseId: created.id, slug: z.slug, position: i + 1, title: z.title, banks: allBanks ? [] : z.banks.map((b) => b.slice('questions/'.length)),
            questionCount: z.draw.length && z.questionCount === drawTotal ? null : z.questionCount, draw: z.draw, passPercent: z.passPercent,
            required: z.required, maxAttempts: z.maxAttempts, cooldownSeconds: z.cooldownSeconds, timeLimitSeconds: z.timeLimitSeconds, showAnswers: z.showAnswers,
          };
        }));
      }
      for (const [file, bytes] of inCourse) {
        if (!file.startsWith('media/')) continue;
        const name = file.slice('media/'.length);
        const verdict = this.contentChecks.validateMediaFile(bytes, name, STUDIO_LIMITS);
        await em.getRepository(StudioMedia).insert({
          courseId: created.id, name, kind: verdict.kind!, mime: verdict.mime!, size: bytes.length, digest: createHash('sha256').update(bytes).digest('hex'),
          alt: null, bytes, uploadedById: p.userId,
        });
      }
      return created.id;
    });
    return this.courses.detail(p, id);
  }

  /** The zip's course folder read by the content reader, beside the framework. */
  private async read(folder: string, inCourse: Map<string, Buffer>): Promise<{ course: CourseDraft | null; problems: StudioProblemDto[] }> {
    const root = await contentRoot(this.config.contentDir);
    try {
      const dir = path.join(root, 'courses', folder);
      for (const [file, bytes] of inCourse) {
        await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
        await writeFile(path.join(dir, file), bytes);
      }
      const read = await this.contentChecks.validateFolder(root, STUDIO_LIMITS);
      const prefix = `courses/${folder}/`;
      const problems = read.problems.map((x) => ({
        file: x.file.startsWith(prefix) ? x.file.slice(prefix.length) : x.file, line: x.line, message: x.message, warning: x.warning === true,
        entity: null, entityId: null, field: null, bodyLine: null,
      }));
      return { course: read.courses[0] ?? null, problems };
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }
}

/**
 * Where the course is in the zip: at its root (course.yaml there), or in its only top folder (as
 * "compress this folder" makes it). The folder's name stands for the slug when course.yaml has none.
 */
function courseFolderOf(files: Map<string, Buffer>): { folder: string; inCourse: Map<string, Buffer> } {
  if (files.has('course.yaml')) return { folder: 'khoa-hoc', inCourse: files };
  const tops = new Set([...files.keys()].map((f) => f.split('/')[0]!));
  const [top] = tops;
  if (tops.size !== 1 || !top || !files.has(`${top}/course.yaml`)) throw StudioErrors.zipRefused('the zip must hold one course folder with its course.yaml (course.yaml at the top, or in one folder)');
  const inCourse = new Map([...files].map(([name, data]) => [name.slice(top.length + 1), data]));
  // A folder name that is not a slug still reads when course.yaml names its slug.
  return { folder: /^[A-Za-z0-9._-]{1,120}$/.test(top) ? top : 'khoa-hoc', inCourse };
}

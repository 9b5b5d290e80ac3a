import { Inject, Injectable } from '@nestjs/common';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ContentChecksService } from '../content/content-checks.service';
import type { CourseDraft } from '../content/files/content-model';
import { checkedWhole, MEDIA_HEAD_BYTES, type MediaKind } from '../content/files/media-check';
import type { StudioProblemDto } from './dto/studio.dto';
import { StudioLesson, StudioMedia, StudioQuestion, StudioQuiz } from './entities/studio-content.entity';
import { StudioCourse } from './entities/studio-course.entity';
import { STUDIO_LIMITS, type StudioDraft, StudioFolder } from './studio-folder';

/** A draft written out and read back by the one validator. */
export type Checked = { folder: StudioFolder; problems: StudioProblemDto[]; errors: number; course: CourseDraft | null; frameworkVersion: string | null };

/**
 * Validation of a draft by the content module's one reader: the draft is written in the folder
 * format into a temporary folder beside a copy of the framework, read with the studio's limits, and
 * each problem is told about the lesson, question, quiz, media or course field it concerns.
 * `check` mode writes only what the reader looks at (text files, whole SVG and captions, the first
 * bytes of other media: every upload was checked whole when it arrived); `full` writes every byte,
 * for publishing and exporting.
 */
@Injectable()
export class StudioCheckService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly checks: ContentChecksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async problems(courseId: string): Promise<StudioProblemDto[]> {
    return (await this.check(courseId)).problems;
  }

  check(courseId: string, em?: EntityManager): Promise<Checked> {
    return this.withFolder(courseId, 'check', async (_dir, checked) => checked, em);
  }

  /** Runs `use` with the draft written out and checked; the folder is removed afterwards. `dir` is the course's folder. */
  async withFolder<T>(courseId: string, mode: 'check' | 'full', use: (dir: string, checked: Checked) => Promise<T>, em: EntityManager = this.dataSource.manager): Promise<T> {
    const draft = await loadDraft(em, courseId);
    const folder = new StudioFolder(draft);
    const root = await contentRoot(this.config.contentDir);
    try {
      const dir = path.join(root, 'courses', draft.course.slug);
      for (const [file, text] of folder.texts) {
        await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
        await writeFile(path.join(dir, file), text);
      }
      await this.writeMedia(em, draft, path.join(dir, 'media'), mode);
      const read = await this.checks.validateFolder(root, STUDIO_LIMITS);
      const problems = [...folder.problems, ...read.problems.map((p) => folder.locate(p))];
      const checked: Checked = {
        folder, problems, errors: problems.filter((p) => !p.warning).length,
        course: read.courses.find((c) => c.slug === draft.course.slug) ?? null, frameworkVersion: read.framework?.version ?? null,
      };
      return await use(dir, checked);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }

  private async writeMedia(em: EntityManager, draft: StudioDraft, dir: string, mode: 'check' | 'full'): Promise<void> {
    if (!draft.media.length) return;
    await mkdir(dir, { recursive: true });
    for (const m of draft.media) {
      const whole = mode === 'full' || checkedWhole(m.kind as MediaKind);
      // One file's bytes at a time: a course's media together may be large.
      const [row] = (await em.query(
        whole ? 'SELECT bytes FROM studio_media WHERE id = $1' : `SELECT substring(bytes FROM 1 FOR ${MEDIA_HEAD_BYTES}) AS bytes FROM studio_media WHERE id = $1`,
        [m.id],
      )) as { bytes: Buffer }[];
      await writeFile(path.join(dir, m.name), row!.bytes);
    }
  }
}

/** A temporary content folder holding the framework as the files state it (not the policy proposal, which names shipped courses). */
export async function contentRoot(contentDir: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'bdhvs-studio-'));
  await cp(path.join(contentDir, 'framework'), path.join(root, 'framework'), {
    recursive: true,
    filter: (src) => path.basename(src) !== 'certification-policies.yaml',
  });
  return root;
}

/** The live parts of a draft, in order. */
export async function loadDraft(em: EntityManager, courseId: string): Promise<StudioDraft> {
  const [course, lessons, questions, quizzes, media] = await Promise.all([
    em.getRepository(StudioCourse).findOneByOrFail({ id: courseId }),
    em.getRepository(StudioLesson).find({ where: { courseId, archivedAt: IsNull() }, order: { position: 'ASC' } }),
    em.getRepository(StudioQuestion).find({ where: { courseId, archivedAt: IsNull() }, order: { position: 'ASC' } }),
    em.getRepository(StudioQuiz).find({ where: { courseId, archivedAt: IsNull() }, order: { position: 'ASC' } }),
    em.getRepository(StudioMedia).find({ where: { courseId }, order: { name: 'ASC' } }),
  ]);
  return { course, lessons, questions, quizzes, media };
}

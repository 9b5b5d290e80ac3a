import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { fieldError, notFound } from '../../common/errors/app-exception';
import type { Principal } from '../auth/decorators';
import type { CreateStudioLessonDto, StudioLessonDto, StudioLessonSummaryDto, UpdateStudioLessonDto } from './dto/studio.dto';
import { StudioLesson } from './entities/studio-content.entity';
import { StudioAccessService } from './studio-access.service';
import { canonical, STUDIO_LIMITS } from './studio-folder';
import { StudioErrors } from './studio.errors';
import { freeName, lessonDto, lessonSummaryDto, slugFrom } from './studio.mappers';

const FIELDS = ['title', 'body', 'competencies', 'estimatedMinutes', 'required', 'video'] as const;
type LessonFields = Pick<StudioLesson, (typeof FIELDS)[number]>;
const fieldsOf = (l: StudioLesson): LessonFields => Object.fromEntries(FIELDS.map((k) => [k, l[k]])) as LessonFields;
const same = (a: LessonFields, b: LessonFields) => canonical(a) === canonical(fieldsOf(b as StudioLesson));

/** Lessons of a draft. Saves carry the version they started from; the same text saved twice changes nothing. */
@Injectable()
export class StudioLessonsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: StudioAccessService,
  ) {}

  async list(p: Principal, id: string): Promise<StudioLessonSummaryDto[]> {
    await this.access.open(p, id);
    return (await this.dataSource.getRepository(StudioLesson).find({ where: { courseId: id }, order: { position: 'ASC' } })).map(lessonSummaryDto);
  }

  async get(p: Principal, id: string, lessonId: string): Promise<StudioLessonDto> {
    await this.access.open(p, id);
    return lessonDto(await this.find(this.dataSource.manager, id, lessonId));
  }

  async create(p: Principal, id: string, dto: CreateStudioLessonDto): Promise<StudioLessonDto> {
    checkSize(dto.body ?? '');
    const saved = await this.dataSource.transaction(async (em) => {
      await this.access.open(p, id, 'edit', em);
      const repo = em.getRepository(StudioLesson);
      const all = await repo.find({ where: { courseId: id }, lock: { mode: 'pessimistic_write' } });
      const slugs = new Set(all.map((l) => l.slug));
      if (dto.slug && slugs.has(dto.slug)) throw StudioErrors.taken('slug', `slug ${dto.slug} is already a lesson of this course (perhaps an archived one)`);
      if (all.filter((l) => !l.archivedAt).length >= 200) throw StudioErrors.tooMuch('lessons', 'a course has at most 200 lessons');
      const lesson = await repo.save(repo.create({
        courseId: id, slug: dto.slug ?? freeName(slugFrom(dto.title, 'bai'), slugs), position: Math.max(0, ...all.map((l) => l.position)) + 1,
        title: dto.title.trim(), body: dto.body ?? '', competencies: dto.competencies ?? [], estimatedMinutes: dto.estimatedMinutes ?? 5,
        required: dto.required ?? true, video: dto.video ?? null, updatedById: p.userId,
      }));
      await this.access.edited(em, id);
      return lesson;
    });
    return lessonDto(saved);
  }

  /**
   * Saves a lesson made from `version`. The same content as now is a no-op (autosave resends); other
   * content made from an older version is a 409 carrying the caller's text and the current one, so
   * neither is lost.
   */
  async update(p: Principal, id: string, lessonId: string, dto: UpdateStudioLessonDto): Promise<StudioLessonDto> {
    if (dto.body !== undefined) checkSize(dto.body);
    return this.dataSource.transaction(async (em) => {
      await this.access.open(p, id, 'edit', em);
      const current = await this.find(em, id, lessonId);
      if (current.archivedAt) throw StudioErrors.archived();
      const { version, ...changes } = dto;
      const next: LessonFields = { ...fieldsOf(current), ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
      if (typeof next.title === 'string') next.title = next.title.trim();
      if (same(next, current)) return lessonDto(current);
      if (version !== current.version) throw StudioErrors.editConflict({ ...next, version }, lessonDto(current));
      const updated = await em.createQueryBuilder().update(StudioLesson)
        .set({ ...next, version: () => 'version + 1', updatedById: p.userId })
        .where('id = :lessonId AND version = :version', { lessonId, version })
        .execute();
      if (updated.affected !== 1) throw StudioErrors.editConflict({ ...next, version }, lessonDto(await this.find(em, id, lessonId)));
      await this.access.edited(em, id);
      return lessonDto(await this.find(em, id, lessonId));
    });
  }

  /** A lesson learners may have done is archived (its slug stays taken); one never published is deleted. */
  async remove(p: Principal, id: string, lessonId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const { course } = await this.access.open(p, id, 'edit', em);
      const lesson = await this.find(em, id, lessonId);
      if (lesson.archivedAt) return;
      const published = course.publishedCourseId
        ? ((await em.query('SELECT 1 FROM lessons WHERE course_id = $1 AND slug = $2', [course.publishedCourseId, lesson.slug])) as unknown[]).length > 0
        : false;
      if (published) await em.getRepository(StudioLesson).update(lessonId, { archivedAt: new Date() });
      else await em.getRepository(StudioLesson).delete(lessonId);
      await this.access.edited(em, id);
    });
  }

  /** The live lessons in a new order: the list must name each of them once. */
  async order(p: Principal, id: string, lessonIds: string[]): Promise<StudioLessonSummaryDto[]> {
    await this.dataSource.transaction(async (em) => {
      await this.access.open(p, id, 'edit', em);
      const repo = em.getRepository(StudioLesson);
      const live = await repo.find({ where: { courseId: id, archivedAt: IsNull() }, order: { position: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const ids = new Set(live.map((l) => l.id));
      if (lessonIds.length !== ids.size || new Set(lessonIds).size !== ids.size || lessonIds.some((l) => !ids.has(l))) {
        throw fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'lessonIds', 'lessonIds must list every lesson of the course once');
      }
      if (lessonIds.every((l, i) => live[i]!.id === l)) return;
      for (const [i, lessonId] of lessonIds.entries()) await repo.update(lessonId, { position: i + 1 });
      await this.access.edited(em, id);
    });
    return this.list(p, id);
  }

  private async find(em: EntityManager, courseId: string, lessonId: string): Promise<StudioLesson> {
    const lesson = await em.getRepository(StudioLesson).findOneBy({ id: lessonId, courseId });
    if (!lesson) throw notFound('Lesson');
    return lesson;
  }
}

function checkSize(body: string): void {
  const bytes = Buffer.byteLength(body);
  if (bytes > STUDIO_LIMITS.lessonBytes) throw StudioErrors.tooMuch('body', `the lesson is ${bytes} bytes; a lesson may be at most ${STUDIO_LIMITS.lessonBytes} bytes (split it into several lessons)`);
}

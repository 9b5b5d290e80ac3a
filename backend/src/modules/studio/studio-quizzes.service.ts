import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../../common/errors/app-exception';
import type { Principal } from '../auth/decorators';
import type { SaveStudioQuizDto, StudioQuizDto } from './dto/studio.dto';
import { StudioQuiz } from './entities/studio-content.entity';
import { StudioAccessService } from './studio-access.service';
import { canonical } from './studio-folder';
import { StudioErrors } from './studio.errors';
import { freeName, quizDto, slugFrom } from './studio.mappers';

const FIELDS = ['title', 'banks', 'questionCount', 'draw', 'passPercent', 'required', 'maxAttempts', 'cooldownSeconds', 'timeLimitSeconds', 'showAnswers'] as const;
type QuizFields = Pick<StudioQuiz, (typeof FIELDS)[number]>;
const fieldsOf = (z: StudioQuiz): QuizFields => Object.fromEntries(FIELDS.map((k) => [k, z[k]])) as QuizFields;
const given = (dto: SaveStudioQuizDto) => Object.fromEntries(FIELDS.filter((k) => dto[k] !== undefined).map((k) => [k, dto[k]])) as Partial<QuizFields>;

/** Quizzes of a draft: draw rules per competency and level, attempts, cooldown, time limit, pass mark, answers shown. */
@Injectable()
export class StudioQuizzesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: StudioAccessService,
  ) {}

  async list(p: Principal, id: string): Promise<StudioQuizDto[]> {
    await this.access.open(p, id);
    return (await this.dataSource.getRepository(StudioQuiz).find({ where: { courseId: id }, order: { position: 'ASC' } })).map(quizDto);
  }

  async create(p: Principal, id: string, dto: SaveStudioQuizDto): Promise<StudioQuizDto> {
    return this.dataSource.transaction(async (em) => {
      await this.access.open(p, id, 'edit', em);
      const repo = em.getRepository(StudioQuiz);
      const all = await repo.find({ where: { courseId: id }, lock: { mode: 'pessimistic_write' } });
      const slugs = new Set(all.map((z) => z.slug));
      if (dto.slug && slugs.has(dto.slug)) throw StudioErrors.taken('slug', `slug ${dto.slug} is already a quiz of this course (perhaps an archived one)`);
      if (all.length >= 50) throw StudioErrors.tooMuch('quizzes', 'a course has at most 50 quizzes');
      const saved = await repo.save(repo.create({
        courseId: id, slug: dto.slug ?? freeName(slugFrom(dto.title, 'kiem-tra'), slugs), position: Math.max(0, ...all.map((z) => z.position)) + 1,
        ...given(dto), title: dto.title.trim(),
      }));
      await this.access.edited(em, id);
      return quizDto(saved);
    });
  }

  async update(p: Principal, id: string, quizId: string, dto: SaveStudioQuizDto): Promise<StudioQuizDto> {
    return this.dataSource.transaction(async (em) => {
      await this.access.open(p, id, 'edit', em);
      const current = await this.find(em, id, quizId);
      if (current.archivedAt) throw StudioErrors.archived();
      const next: QuizFields = { ...fieldsOf(current), ...given(dto), title: dto.title.trim() };
      if (canonical(next) === canonical(fieldsOf(current))) return quizDto(current);
      if (dto.version !== current.version) throw StudioErrors.editConflict({ ...next, version: dto.version ?? null }, quizDto(current));
      const updated = await em.createQueryBuilder().update(StudioQuiz).set({ ...next, version: () => 'version + 1' })
        .where('id = :quizId AND version = :version', { quizId, version: current.version }).execute();
      if (updated.affected !== 1) throw StudioErrors.editConflict({ ...next, version: dto.version }, quizDto(await this.find(em, id, quizId)));
      await this.access.edited(em, id);
      return quizDto(await this.find(em, id, quizId));
    });
  }

  /** A quiz learners may have attempted is archived; one never published is deleted. */
  async remove(p: Principal, id: string, quizId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const { course } = await this.access.open(p, id, 'edit', em);
      const quiz = await this.find(em, id, quizId);
      if (quiz.archivedAt) return;
      const published = course.publishedCourseId
        ? ((await em.query('SELECT 1 FROM quizzes WHERE course_id = $1 AND slug = $2', [course.publishedCourseId, quiz.slug])) as unknown[]).length > 0
        : false;
      if (published) await em.getRepository(StudioQuiz).update(quizId, { archivedAt: new Date() });
      else await em.getRepository(StudioQuiz).delete(quizId);
      await this.access.edited(em, id);
    });
  }

  private async find(em: EntityManager, courseId: string, quizId: string): Promise<StudioQuiz> {
    const quiz = await em.getRepository(StudioQuiz).findOneBy({ id: quizId, courseId });
    if (!quiz) throw notFound('Quiz');
    return quiz;
  }
}

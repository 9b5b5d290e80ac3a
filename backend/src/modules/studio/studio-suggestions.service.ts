import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { COUNTER_STORE, type CounterStore } from '../../common/security/counter-store';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { QuestionSuggester } from '../assistant/authoring/question-suggester.service';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/decorators';
import { type QuestionSuggestionsDto, SUGGESTION_COUNT, type SuggestionAvailabilityDto } from './dto/studio.dto';
import { StudioLesson, StudioQuestion } from './entities/studio-content.entity';
import type { StudioCourse } from './entities/studio-course.entity';
import { StudioSuggestion } from './entities/studio-suggestion.entity';
import { StudioAccessService } from './studio-access.service';
import { StudioQuestionsService } from './studio-questions.service';
import { StudioErrors } from './studio.errors';
import { questionDto } from './studio.mappers';

const HOUR_MS = 60 * 60 * 1000;
/** A resend without a key within this window is the same request. */
const REPEAT_WINDOW = '10 minutes';
/** A claim older than the longest model budget plus saving is a request that died: it no longer blocks. */
const STALE_CLAIM_MS = (timeoutMs: number) => timeoutMs + 60_000;

/**
 * "Gợi ý câu hỏi": an author asks the assistant for quiz items drafted from a lesson of their draft.
 * The request is claimed first (a resend gets the first answer, never a second set), the author's
 * hourly allowance is taken, the model drafts, and the valid items are saved as draft questions of the
 * bank in one transaction with the audit entry. They reach learners only when a reviewer publishes.
 */
@Injectable()
export class StudioSuggestionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: StudioAccessService,
    private readonly questions: StudioQuestionsService,
    private readonly suggester: QuestionSuggester,
    private readonly audit: AuditService,
    @Inject(COUNTER_STORE) private readonly counters: CounterStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async availability(): Promise<SuggestionAvailabilityDto> {
    return { ...(await this.suggester.availability()), defaultCount: SUGGESTION_COUNT.default, maxCount: SUGGESTION_COUNT.max };
  }

  async suggest(p: Principal, courseId: string, lessonId: string, count: number, key: string | null, meta: RequestMeta): Promise<QuestionSuggestionsDto> {
    const { course } = await this.access.open(p, courseId, 'edit');
    const lesson = await this.dataSource.getRepository(StudioLesson).findOneBy({ id: lessonId, courseId });
    if (!lesson || lesson.archivedAt) throw notFound('Lesson');
    if (lesson.body.replace(/\s+/g, ' ').trim().length < 40) throw StudioErrors.emptyLesson();
    const competency = competencyOf(course, lesson);
    await this.suggester.assertAvailable();

    const fingerprint = `${lesson.id}:v${lesson.version}:n${count}`;
    const claim = await this.claim(p.userId, courseId, lessonId, key, fingerprint, count);
    if (claim.replay) return this.replay(claim.replay);
    try {
      await this.takeAllowance(p.userId);
      const { questions: items, dropped: droppedByModel } = await this.suggester.suggest(lesson, count, await this.questions.prompts(courseId));
      return await this.dataSource.transaction(async (em) => {
        await this.access.open(p, courseId, 'edit', em);
        const drafts = items.map((q) => ({
          type: q.type, competency: competency.code, level: competency.level, prompt: q.prompt, explanation: q.explanation,
          // The bank wants a word for each choice; the author can make it more specific in review.
          options: q.options.map((o) => ({ text: o.text, correct: o.correct, feedback: o.correct ? 'Đúng rồi.' : 'Chưa đúng.' })),
        }));
        const { saved, dropped } = await this.questions.addSuggested(em, courseId, lessonId, drafts);
        await em.getRepository(StudioSuggestion).update(claim.id, { status: 'done', questionIds: saved.map((q) => q.id), dropped: droppedByModel + dropped });
        await this.audit.record('studio.questions_suggested', {
          actorId: p.userId, meta, details: { courseId, lessonId, requested: count, saved: saved.length, dropped: droppedByModel + dropped },
        }, em);
        return { questions: saved.map(questionDto), requested: count, dropped: droppedByModel + dropped, replayed: false };
      });
    } catch (err) {
      // Nothing was saved: the same request may be tried again.
      await this.dataSource.getRepository(StudioSuggestion).delete({ id: claim.id, status: 'pending' });
      throw err;
    }
  }

  /**
   * Under a lock per author: the earlier request this one repeats (same key; without a key, the same
   * lesson version and count lately), or a new pending claim. A repeat still being drafted is a 409.
   */
  private async claim(authorId: string, courseId: string, lessonId: string, key: string | null, fingerprint: string, count: number): Promise<{ id: string; replay?: StudioSuggestion }> {
    return this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`studio-suggest:${authorId}`]);
      const repo = em.getRepository(StudioSuggestion);
      const earlier = key
        ? await repo.findOneBy({ authorId, idempotencyKey: key })
        : ((await repo.createQueryBuilder('s').where('s.author_id = :authorId AND s.fingerprint = :fingerprint AND s.idempotency_key IS NULL', { authorId, fingerprint })
            .andWhere(`s.created_at > now() - interval '${REPEAT_WINDOW}'`).orderBy('s.created_at', 'DESC').getOne()) ?? null);
      if (earlier && key && earlier.fingerprint !== fingerprint) throw StudioErrors.keyReused();
      if (earlier?.status === 'done') return { id: earlier.id, replay: earlier };
      if (earlier && Date.now() - earlier.createdAt.getTime() < STALE_CLAIM_MS(this.config.assistant.suggestions.timeoutMs)) throw StudioErrors.suggestionsBusy();
      if (earlier) await repo.delete(earlier.id);
      const row = await repo.save(repo.create({ courseId, lessonId, authorId, idempotencyKey: key, fingerprint, requested: count }));
      return { id: row.id };
    });
  }

  private async replay(s: StudioSuggestion): Promise<QuestionSuggestionsDto> {
    const rows = s.questionIds.length ? await this.dataSource.getRepository(StudioQuestion).find({ where: s.questionIds.map((id) => ({ id })), order: { position: 'ASC' } }) : [];
    return { questions: rows.map(questionDto), requested: s.requested, dropped: s.dropped, replayed: true };
  }

  private async takeAllowance(userId: string): Promise<void> {
    const key = `studio-suggest:${userId}`;
    const n = await this.counters.increment(key, HOUR_MS);
    if (n > this.config.assistant.suggestions.perAuthorPerHour) throw StudioErrors.tooManySuggestions(Math.ceil((await this.counters.ttlMs(key)) / 1000));
  }
}

/** The competency the drafted items assess: the lesson's first, else the course's; its level from the course. */
function competencyOf(course: StudioCourse, lesson: StudioLesson): { code: string; level: number } {
  const code = lesson.competencies[0] ?? course.questionDefaults?.competency ?? course.competencies[0]?.code;
  if (!code) throw StudioErrors.noCompetency();
  const level = course.competencies.find((c) => c.code === code)?.level ?? course.questionDefaults?.level ?? 1;
  return { code, level };
}

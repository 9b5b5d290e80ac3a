import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { foldVietnamese } from '../../common/text/normalize';
import type { RequestMeta } from '../../common/http/request-meta';
import { AssistantErrors } from './assistant.errors';
import { AssistantLimits } from './assistant-limits';
import { AssistantSettingsService } from './assistant-settings.service';
import { ChatModelClient, ModelUnavailable } from './answering/chat-model.client';
import { groundedPrompt } from './answering/grounded-prompt';
import { citationsOf, NOTHING_FOUND, PASSAGES_INTRO } from './answering/passage-answer';
import { type AssistantCitation, AssistantMessage } from './entities/assistant-message.entity';
import { HybridRetriever } from './retrieval/hybrid-retriever.service';
import { AssistantAsks } from './storage/assistant-asks';
import { maskPersonalData } from './safety/personal-data-mask';

export type Answer = { messageId: string; mode: 'passages' | 'model' | 'none'; text: string; citations: AssistantCitation[]; fellBack: boolean };

/** What the page learns before asking: whether the assistant answers this person now, and how. */
export type AssistantStatus = {
  open: boolean;
  reason: 'off' | 'exam' | null;
  examTitle: string | null;
  answers: 'passages' | 'model';
  maxQuestionChars: number;
  historyDays: number;
};

/** The title of a timed quiz (an exam) person $1 has open and whose time is not over, if any. */
const OPEN_EXAM = `SELECT q.title FROM quiz_attempts a JOIN quizzes q ON q.id = a.quiz_id
  WHERE a.user_id = $1 AND a.status = 'in_progress' AND a.deadline_at IS NOT NULL AND a.deadline_at > now() LIMIT 1`;

/** How many passages are ranked; the answer quotes at most three lessons of them. */
const RANKED = 8;

/**
 * Answers a question from the published lessons. In order: the national switch, the exam lock, limits,
 * masking (nothing personal is stored or sent), retrieval, then either the passages themselves or the
 * model's short answer written from them, falling back to the passages when the model is slow or down.
 */
@Injectable()
export class AssistantService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly retriever: HybridRetriever,
    private readonly asks: AssistantAsks,
    private readonly settings: AssistantSettingsService,
    private readonly limits: AssistantLimits,
    private readonly model: ChatModelClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async status(userId: string): Promise<AssistantStatus> {
    const mode = await this.settings.mode();
    const exam = mode === 'off' ? null : await this.openExam(userId);
    return {
      open: mode !== 'off' && !exam,
      reason: mode === 'off' ? 'off' : exam ? 'exam' : null,
      examTitle: exam,
      answers: mode === 'model' && this.model.configured ? 'model' : 'passages',
      maxQuestionChars: this.config.assistant.maxQuestionChars,
      historyDays: this.config.assistant.retentionDays,
    };
  }

  /**
   * `onDelta` receives the model's words as they come (the streamed route); the returned answer is
   * what was stored. A model failure after some words were sent still ends with the passages.
   */
  async ask(userId: string, rawQuestion: string, meta: RequestMeta, onDelta?: (text: string) => void): Promise<Answer> {
    const question = rawQuestion.normalize('NFC').replace(/\s+/g, ' ').trim();
    const max = this.config.assistant.maxQuestionChars;
    if (question.length > max) throw AssistantErrors.tooLong(max);
    if (question.replace(/[^\p{L}\p{N}]/gu, '').length < 2) throw AssistantErrors.empty();
    const mode = await this.settings.mode();
    if (mode === 'off') throw AssistantErrors.off();
    const person = await this.asks.asker(userId);
    if (person?.exam) throw AssistantErrors.closedForExam(person.exam);
    await this.limits.take(userId, meta.ip);

    const masked = maskPersonalData(question, [person?.fullName ?? null]);
    const { hits, relevant } = await this.retriever.retrieve(masked, RANKED);
    const citations = relevant ? citationsOf(hits) : [];

    let answer: Omit<Answer, 'messageId'> = relevant
      ? { mode: 'passages', text: PASSAGES_INTRO, citations, fellBack: false }
      : { mode: 'none', text: NOTHING_FOUND, citations: [], fellBack: false };
    if (relevant && mode === 'model' && this.model.configured) {
      const used = hits.filter((h) => citations.some((c) => c.lessonId === h.lessonId && c.anchor === h.anchor));
      try {
        const text = await this.model.complete(groundedPrompt(masked, used), onDelta);
        answer = { mode: 'model', text: text.trim(), citations, fellBack: false };
      } catch (err) {
        if (!(err instanceof ModelUnavailable)) throw err;
        answer = { ...answer, fellBack: true };
      }
    }

    const messageId = await this.asks.store({
      userId,
      unitId: person?.unitId ?? null,
      provinceId: person?.provinceId ?? null,
      question: masked,
      questionFolded: foldVietnamese(masked).replace(/[^a-z0-9[\] ]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300),
      mode: answer.mode,
      answerText: answer.text,
      citations: answer.citations,
    });
    return { messageId, ...answer };
  }

  async feedback(userId: string, messageId: string, helpful: boolean): Promise<boolean> {
    const res = await this.dataSource.getRepository(AssistantMessage).update({ id: messageId, userId }, { helpful });
    return (res.affected ?? 0) > 0;
  }

  private async openExam(userId: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(`SELECT (${OPEN_EXAM}) AS exam`, [userId])) as { exam: string | null }[];
    return row?.exam ?? null;
  }
}

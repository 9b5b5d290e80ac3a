import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { ChatModelClient, ModelUnavailable } from '../answering/chat-model.client';
import { AssistantErrors } from '../assistant.errors';
import { AssistantSettingsService } from '../assistant-settings.service';
import { readSuggestions, type SuggestedQuestion } from './suggested-questions';
import { suggestionPrompt } from './suggestion-prompt';

/** Room for one drafted item (a prompt, four choices, an explanation) in Vietnamese tokens, and for the JSON around them. */
const TOKENS_PER_ITEM = 300;

export type SuggestionAvailability = { available: boolean; reason: 'not_configured' | 'turned_off' | null };

/**
 * "Gợi ý câu hỏi": the configured chat model drafts quiz items from a lesson's text. Only the lesson
 * (masked like a learner's question) leaves the server, never who asks. The reply is read strictly;
 * what breaks a rule is dropped. Saving, as drafts under review, is the studio's job.
 */
@Injectable()
export class QuestionSuggester {
  constructor(
    private readonly model: ChatModelClient,
    private readonly settings: AssistantSettingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether drafts can be asked for now: a model is configured and administrators allow it to be used. */
  async availability(): Promise<SuggestionAvailability> {
    if (!this.model.configured) return { available: false, reason: 'not_configured' };
    if ((await this.settings.mode()) !== 'model') return { available: false, reason: 'turned_off' };
    return { available: true, reason: null };
  }

  /** Throws the clear refusal when drafts cannot be asked for. */
  async assertAvailable(): Promise<void> {
    const { reason } = await this.availability();
    if (reason === 'not_configured') throw AssistantErrors.noModel();
    if (reason === 'turned_off') throw AssistantErrors.modelOff();
  }

  /** Up to `count` checked items; `known` are prompts the bank already has (not drafted again). */
  async suggest(lesson: { title: string; body: string }, count: number, known: readonly string[]): Promise<{ questions: SuggestedQuestion[]; dropped: number }> {
    await this.assertAvailable();
    let reply: string;
    try {
      reply = await this.model.draft(suggestionPrompt(lesson.title, lesson.body, count), {
        budgetMs: this.config.assistant.suggestions.timeoutMs,
        maxTokens: 200 + count * TOKENS_PER_ITEM,
      });
    } catch (err) {
      if (err instanceof ModelUnavailable) throw AssistantErrors.modelFailed();
      throw err;
    }
    const read = readSuggestions(reply, count, known);
    if (!read.questions.length) throw AssistantErrors.unusableSuggestions();
    return { questions: read.questions, dropped: read.dropped };
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';

export type ChatMessage = { role: 'system' | 'user'; content: string };

/** Failures in a row that open the breaker, and how long it stays open. */
const BREAKER_FAILURES = 3;
const BREAKER_OPEN_MS = 30_000;
/** The whole budget before the person gets the passages instead: the "within 2 s". */
export const MODEL_BUDGET_MS = 2000;

export class ModelUnavailable extends Error {}

/**
 * An OpenAI-compatible chat endpoint (`POST {base}/chat/completions`, streamed as server-sent events):
 * Ollama, vLLM, llama.cpp's server and hosted providers all speak it. The first words must come
 * within the timeout, the whole reply within the budget; one retry when time remains; after repeated
 * failures a breaker skips the model for a while, so a dead model costs nobody a wait.
 */
@Injectable()
export class ChatModelClient {
  private readonly logger = new Logger('ChatModelClient');
  private failures = 0;
  private openUntil = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.assistant.model !== null;
  }

  /** Where answers come from, for the administrator's page: the host and model name, never the key. */
  get provider(): { host: string; model: string } | null {
    const m = this.config.assistant.model;
    return m ? { host: new URL(m.baseUrl).host, model: m.name } : null;
  }

  get available(): boolean {
    return this.configured && Date.now() >= this.openUntil;
  }

  /** Streams the reply's text pieces to `onDelta`; resolves with the whole text or throws ModelUnavailable. */
  async complete(messages: ChatMessage[], onDelta: (text: string) => void = () => undefined): Promise<string> {
    const model = this.config.assistant.model;
    if (!model || !this.available) throw new ModelUnavailable('model not available');
    const deadline = Date.now() + MODEL_BUDGET_MS;
    let lastError: unknown;
    for (let attempt = 1; attempt <= 2 && Date.now() < deadline - 200; attempt++) {
      let started = false;
      try {
        const text = await this.once(model, messages, { deadline, firstWordsMs: model.timeoutMs, maxTokens: 500 }, (d) => {
          started = true;
          onDelta(d);
        });
        this.failures = 0;
        return text;
      } catch (err) {
        lastError = err;
        // Words already shown cannot be taken back by a second try: give up and let the caller fall back.
        if (started) break;
      }
    }
    this.failures += 1;
    if (this.failures >= BREAKER_FAILURES) {
      this.openUntil = Date.now() + BREAKER_OPEN_MS;
      this.failures = 0;
      this.logger.warn({ host: this.provider?.host }, 'Model failing: answering with passages for 30 s');
    }
    throw new ModelUnavailable(lastError instanceof Error ? lastError.message : 'model failed');
  }

  /**
   * A long piece of work for an author (quiz items drafted from a lesson, as JSON): one try within
   * `budgetMs`, no streaming to anyone. It respects the breaker but does not feed it: a slow long draft
   * says nothing about whether a learner's short answer comes within 2 s.
   */
  async draft(messages: ChatMessage[], opts: { budgetMs: number; maxTokens: number }): Promise<string> {
    const model = this.config.assistant.model;
    if (!model || !this.available) throw new ModelUnavailable('model not available');
    try {
      return await this.once(model, messages, { deadline: Date.now() + opts.budgetMs, firstWordsMs: opts.budgetMs, maxTokens: opts.maxTokens, json: true }, () => undefined);
    } catch (err) {
      throw new ModelUnavailable(err instanceof Error ? err.message : 'model failed');
    }
  }

  private async once(
    model: NonNullable<AppConfig['assistant']['model']>,
    messages: ChatMessage[],
    opts: { deadline: number; firstWordsMs: number; maxTokens: number; json?: boolean },
    onDelta: (text: string) => void,
  ): Promise<string> {
    const { deadline } = opts;
    const controller = new AbortController();
    const firstWords = setTimeout(() => controller.abort(), Math.min(opts.firstWordsMs, deadline - Date.now()));
    const whole = setTimeout(() => controller.abort(), deadline - Date.now());
    try {
      const res = await fetch(`${model.baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(model.apiKey ? { authorization: `Bearer ${model.apiKey}` } : {}) },
        body: JSON.stringify({
          model: model.name, messages, stream: true, temperature: 0.2, max_tokens: opts.maxTokens,
          // JSON mode where the server has it (Ollama, vLLM, llama.cpp's server, hosted providers); the reply is read strictly anyway.
          ...(opts.json ? { response_format: { type: 'json_object' } } : {}),
        }),
        signal: controller.signal,
      });
      if (!res.ok || !res.body) throw new Error(`model answered ${res.status}`);
      let text = '';
      let buffer = '';
      const decoder = new TextDecoder();
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          const data = line.startsWith('data:') ? line.slice(5).trim() : '';
          if (!data || data === '[DONE]') continue;
          const piece = (JSON.parse(data) as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta?.content ?? '';
          if (!piece) continue;
          clearTimeout(firstWords);
          text += piece;
          onDelta(piece);
        }
      }
      if (!text.trim()) throw new Error('model sent no text');
      return text;
    } finally {
      clearTimeout(firstWords);
      clearTimeout(whole);
    }
  }
}

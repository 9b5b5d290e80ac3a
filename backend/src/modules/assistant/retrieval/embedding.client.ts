import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';

export class EmbeddingUnavailable extends Error {}

/** Failures in a row that open the breaker for questions, and how long it stays open. */
const BREAKER_FAILURES = 3;
const BREAKER_OPEN_MS = 30_000;
/** The longest vector accepted: larger replies are a misconfigured endpoint, not a model. */
const MAX_DIMENSIONS = 8192;
/** Question vectors kept per process: the same questions come back often ("mã OTP là gì"). */
const CACHED_QUESTIONS = 2000;

/**
 * An OpenAI-compatible embedding endpoint (`POST {base}/embeddings`, as Ollama, vLLM, llama.cpp's server
 * and hosted providers serve it). Questions get a short timeout and a breaker, so a slow or dead
 * endpoint costs a question at most the timeout and then nothing: ranking goes on with full text alone.
 */
@Injectable()
export class EmbeddingClient {
  private readonly logger = new Logger('EmbeddingClient');
  private failures = 0;
  private openUntil = 0;
  private readonly questions = new Map<string, number[]>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.assistant.embeddings !== null;
  }

  /** The model name vectors are stored under (null without an endpoint). */
  get model(): string | null {
    return this.config.assistant.embeddings?.name ?? null;
  }

  /** For the administrators' page: the host and model, never the key. */
  get provider(): { host: string; model: string } | null {
    const e = this.config.assistant.embeddings;
    return e ? { host: new URL(e.baseUrl).host, model: e.name } : null;
  }

  get minSimilarity(): number {
    return this.config.assistant.embeddings?.minSimilarity ?? 1;
  }

  /** A question's vector within the configured timeout, or EmbeddingUnavailable (breaker open, slow, failing). */
  async question(text: string): Promise<number[]> {
    const known = this.questions.get(text);
    if (known) return known;
    if (Date.now() < this.openUntil) throw new EmbeddingUnavailable('breaker open');
    try {
      const [vector] = await this.embed([text], this.config.assistant.embeddings?.timeoutMs ?? 0);
      this.failures = 0;
      if (this.questions.size >= CACHED_QUESTIONS) this.questions.delete(this.questions.keys().next().value!);
      this.questions.set(text, vector!);
      return vector!;
    } catch (err) {
      if (++this.failures >= BREAKER_FAILURES) {
        this.failures = 0;
        this.openUntil = Date.now() + BREAKER_OPEN_MS;
        this.logger.warn({ host: this.provider?.host }, 'Embedding endpoint failing: full text alone for 30 s');
      }
      throw err;
    }
  }

  /** Vectors for `texts`, in order; throws EmbeddingUnavailable on any failure or malformed reply. */
  async embed(texts: string[], timeoutMs: number): Promise<number[][]> {
    const e = this.config.assistant.embeddings;
    if (!e) throw new EmbeddingUnavailable('no embedding endpoint configured');
    let body: unknown;
    try {
      const res = await fetch(`${e.baseUrl}/embeddings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(e.apiKey ? { authorization: `Bearer ${e.apiKey}` } : {}) },
        body: JSON.stringify({ model: e.name, input: texts }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new Error(`embedding endpoint answered ${res.status}`);
      body = await res.json();
    } catch (err) {
      throw new EmbeddingUnavailable(err instanceof Error ? err.message : 'embedding endpoint failed');
    }
    return vectorsOf(body, texts.length);
  }
}

/** The reply's vectors by their `index`, checked: one per input, finite numbers, one length for all. */
function vectorsOf(body: unknown, count: number): number[][] {
  const data = (body as { data?: { index?: number; embedding?: unknown }[] } | null)?.data;
  if (!Array.isArray(data) || data.length !== count) throw new EmbeddingUnavailable('embedding reply has the wrong number of vectors');
  const sorted = [...data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const vectors = sorted.map((d) => d.embedding);
  const dims = Array.isArray(vectors[0]) ? vectors[0].length : 0;
  for (const v of vectors) {
    if (!Array.isArray(v) || v.length !== dims || dims === 0 || dims > MAX_DIMENSIONS || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      throw new EmbeddingUnavailable('embedding reply is not a list of vectors of one length');
    }
  }
  return vectors as number[][];
}

import { Injectable, Logger } from '@nestjs/common';
import { EmbeddingClient, EmbeddingUnavailable } from './embedding.client';
import { type PassageHit, PassageIndex } from './passage-index.service';
import { PassageRanker } from './passage-ranker';
import { PassageVectors } from './passage-vectors.service';

export type Ranking = 'full_text' | 'hybrid';
export type Retrieval = { hits: PassageHit[]; relevant: boolean; ranking: Ranking };

/** Why ranking is full text alone, for the administrators' page. */
export type RetrievalStatus = {
  ranking: Ranking;
  reason: 'no_endpoint' | 'no_extension' | 'not_embedded' | null;
  embeddings: { host: string; model: string } | null;
  vectorExtension: boolean | null;
  passages: number;
  embedded: number;
};

/** Candidates taken from each ranking before fusing. */
const CANDIDATES = 20;
/** Reciprocal rank fusion's constant (the usual 60) and the vectors' share beside full text. */
const RRF_K = 60;
export const VECTOR_WEIGHT = 0.5;

/** Reciprocal rank fusion: each list adds weight ÷ (k + rank) to its items; ties keep the full-text order. */
export function fuse(textIds: string[], vectorIds: string[], vectorWeight = VECTOR_WEIGHT): string[] {
  const score = new Map<string, number>();
  textIds.forEach((id, i) => score.set(id, 1 / (RRF_K + i + 1)));
  vectorIds.forEach((id, i) => score.set(id, (score.get(id) ?? 0) + vectorWeight / (RRF_K + i + 1)));
  return [...score.keys()].sort((a, b) => score.get(b)! - score.get(a)!);
}

/**
 * What a question retrieves. Without an embedding endpoint: the full-text ranking, unchanged. With one,
 * and the vector extension in the database: full text fused with the passages nearest to the question's
 * vector. A slow or failing endpoint, or no extension, leaves full text alone (never an error).
 */
@Injectable()
export class HybridRetriever {
  private readonly logger = new Logger('HybridRetriever');

  constructor(
    private readonly index: PassageIndex,
    private readonly vectors: PassageVectors,
    private readonly client: EmbeddingClient,
  ) {}

  async retrieve(question: string, limit: number): Promise<Retrieval> {
    const text = await this.index.search(question, this.client.configured ? CANDIDATES : limit);
    const nearest = await this.nearest(question);
    if (!nearest || nearest.length === 0) return { hits: text.slice(0, limit), relevant: PassageRanker.relevant(text[0]), ranking: 'full_text' };
    const hits = await this.index.explain(question, fuse(text.map((h) => h.id), nearest.map((n) => n.id)).slice(0, limit));
    const similarity = new Map(nearest.map((n) => [n.id, n.similarity]));
    // Found by its vector alone, a passage answers only when very close to the question.
    const top = hits[0];
    const relevant = PassageRanker.relevant(top) || (!!top && (similarity.get(top.id) ?? 0) >= this.client.minSimilarity);
    return { hits, relevant, ranking: 'hybrid' };
  }

  async status(): Promise<RetrievalStatus> {
    const provider = this.client.provider;
    const counts = await this.vectors.counts(this.client.model);
    if (!provider) return { ranking: 'full_text', reason: 'no_endpoint', embeddings: null, vectorExtension: null, ...counts };
    const extension = await this.vectors.extensionReady();
    const reason = !extension ? 'no_extension' : counts.embedded === 0 ? 'not_embedded' : null;
    return { ranking: reason ? 'full_text' : 'hybrid', reason, embeddings: provider, vectorExtension: extension, ...counts };
  }

  private async nearest(question: string): Promise<{ id: string; similarity: number }[] | null> {
    const model = this.client.model;
    if (!model || !(await this.vectors.extensionReady())) return null;
    try {
      return await this.vectors.nearest(model, await this.client.question(question), CANDIDATES);
    } catch (err) {
      if (!(err instanceof EmbeddingUnavailable)) this.logger.warn({ err }, 'Vector search failed: full text alone');
      return null;
    }
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PassageRanker, type RankedPassage } from './passage-ranker';

export type PassageInfo = {
  id: string;
  lessonId: string;
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  lessonSlug: string;
  lessonTitle: string;
  heading: string;
  anchor: string;
  text: string;
};

export type PassageHit = PassageInfo & { score: number; evidence: number; pairs: number };

/** A hit spelled out field by field: spreading the passage on every question cost more than ranking it. */
const hitOf = (p: PassageInfo, r: RankedPassage): PassageHit => ({
  id: p.id, lessonId: p.lessonId, courseId: p.courseId, courseSlug: p.courseSlug, courseTitle: p.courseTitle, lessonSlug: p.lessonSlug,
  lessonTitle: p.lessonTitle, heading: p.heading, anchor: p.anchor, text: p.text, score: r.score, evidence: r.evidence, pairs: r.pairs,
});

/** How often a process asks whether the passages were rebuilt by another process. */
const FRESHNESS_MS = 3000;

/**
 * The passages in memory with their ranker, reloaded when `assistant_index_state` says a new build
 * exists (checked at most every few seconds). Ranking in memory costs well under a millisecond for
 * the whole catalogue and behaves the same on PGlite and PostgreSQL (decision 0008).
 */
@Injectable()
export class PassageIndex {
  private loaded: { builtAt: string; ranker: PassageRanker; passages: Map<string, PassageInfo> } | null = null;
  private checkedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  invalidate(): void {
    this.checkedAt = 0;
  }

  /** The best passages for a question; with `courseId`, only that course's. */
  async search(question: string, limit: number, courseId?: string): Promise<PassageHit[]> {
    await this.fresh();
    if (!this.loaded) return [];
    const { ranker, passages } = this.loaded;
    return ranker
      .rank(question, courseId ? ranker.size : limit)
      .map((r) => hitOf(passages.get(r.id)!, r))
      .filter((h) => !courseId || h.courseId === courseId)
      .slice(0, limit);
  }

  /** The given passages (found by their vectors), in the order given, with their full-text score and evidence. */
  async explain(question: string, ids: string[]): Promise<PassageHit[]> {
    await this.fresh();
    if (!this.loaded) return [];
    const { ranker, passages } = this.loaded;
    return ranker.explain(question, ids).map((r) => hitOf(passages.get(r.id)!, r));
  }

  /** The passages of one lesson, in order (for "Vì sao sai?": the passage an item comes from). */
  async lessonPassages(lessonId: string): Promise<PassageInfo[]> {
    await this.fresh();
    return [...(this.loaded?.passages.values() ?? [])].filter((p) => p.lessonId === lessonId);
  }

  private async fresh(): Promise<void> {
    if (Date.now() - this.checkedAt < FRESHNESS_MS && this.loaded) return;
    this.loading ??= this.reload().finally(() => (this.loading = null));
    await this.loading;
  }

  private async reload(): Promise<void> {
    const [state] = (await this.dataSource.query(`SELECT built_at::text AS built_at FROM assistant_index_state WHERE id = 1`)) as { built_at: string }[];
    this.checkedAt = Date.now();
    if (!state || state.built_at === this.loaded?.builtAt) return;
    const rows = (await this.dataSource.query(
      `SELECT p.id, p.lesson_id, p.course_id, p.heading, p.anchor, p.text, p.heading_folded, p.text_folded,
              l.slug AS lesson_slug, l.title AS lesson_title, c.slug AS course_slug, c.title AS course_title,
              vn_unaccent(l.title || ' . ' || c.title) AS lesson_folded
         FROM assistant_passages p JOIN lessons l ON l.id = p.lesson_id JOIN courses c ON c.id = p.course_id
        WHERE l.archived_at IS NULL AND c.archived_at IS NULL
        ORDER BY c.slug, l.position, p.position`,
    )) as Record<string, string>[];
    const passages = new Map<string, PassageInfo>(
      rows.map((r) => [
        r.id!,
        { id: r.id!, lessonId: r.lesson_id!, courseId: r.course_id!, courseSlug: r.course_slug!, courseTitle: r.course_title!, lessonSlug: r.lesson_slug!, lessonTitle: r.lesson_title!, heading: r.heading!, anchor: r.anchor!, text: r.text! },
      ]),
    );
    const ranker = new PassageRanker(rows.map((r) => ({ id: r.id!, lessonId: r.lesson_id!, heading: r.heading_folded!, folded: r.text_folded!, lessonFolded: r.lesson_folded! })));
    this.loaded = { builtAt: state.built_at, ranker, passages };
  }
}

import { expandQuestion, fromTelex, hasEverydayMeaning, isStopSyllable, phrases, terms } from './vietnamese-terms';

/** A passage as the index holds it; `folded` is its text folded by vn_unaccent() in SQL. */
export type IndexedPassage = {
  id: string;
  lessonId: string;
  heading: string;
  folded: string;
  /** The lesson's and the course's titles, folded: they describe every passage of the lesson. */
  lessonFolded: string;
};

/**
 * `evidence`: the share of the question's own words (weighted by rarity; a word no lesson uses counts
 * as the rarest) found in the passage's lesson. Low evidence means the lessons do not speak of it.
 */
export type RankedPassage = { id: string; lessonId: string; score: number; evidence: number; pairs: number };

export type RankerWeights = {
  k1: number;
  b: number;
  /** A pair of syllables says more than either alone ("bị lừa", "mật khẩu"). */
  pair: number;
  /** Share of the whole lesson's score added to each of its passages: the lesson's topic helps its passages. */
  lesson: number;
  /** A typo's stand-in counts less than a word typed right. */
  fuzzy: number;
  /** Words added for everyday words count less than the person's own. */
  everyday: number;
};

export const DEFAULT_WEIGHTS: RankerWeights = { k1: 1.2, b: 0.75, pair: 1, lesson: 1.5, fuzzy: 0.6, everyday: 0.6 };

/** BM25 statistics with postings, so a question only touches the documents that contain its terms. */
type Bm25 = { tf: Map<string, number>[]; norm: Float64Array; df: Map<string, number>; postings: Map<string, [number, number][]>; k1: number };

function bm25Of(docs: string[][], k1: number, b: number): Bm25 {
  const df = new Map<string, number>();
  const postings = new Map<string, [number, number][]>();
  const tf = docs.map((d, i) => {
    const m = new Map<string, number>();
    for (const t of d) m.set(t, (m.get(t) ?? 0) + 1);
    for (const [t, f] of m) {
      df.set(t, (df.get(t) ?? 0) + 1);
      const list = postings.get(t) ?? [];
      list.push([i, f]);
      postings.set(t, list);
    }
    return m;
  });
  const avgLen = docs.reduce((x, d) => x + d.length, 0) / Math.max(1, docs.length);
  // The length part of BM25's denominator, once per document.
  const norm = Float64Array.from(docs, (d) => k1 * (1 - b + (b * d.length) / avgLen));
  return { tf, norm, df, postings, k1 };
}

/** Every document's score for the weighted query terms (zero where none occurs). */
function scoreAll(index: Bm25, query: Map<string, number>): Float64Array {
  const n = index.norm.length;
  const scores = new Float64Array(n);
  for (const [t, w] of query) {
    const list = index.postings.get(t);
    if (!list) continue;
    const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
    for (const [doc, f] of list) scores[doc]! += (w * idf * f * (index.k1 + 1)) / (f + index.norm[doc]!);
  }
  return scores;
}

/**
 * The indices of the `limit` best positive scores, best first, ties in index order. Sorting every passage
 * for the eight an answer needs was the ranker's largest cost; a long `limit` still sorts.
 */
export function topIndices(scores: Float64Array, limit: number): number[] {
  if (limit >= 64) {
    const all: number[] = [];
    for (let i = 0; i < scores.length; i++) if (scores[i]! > 0) all.push(i);
    return all.sort((a, b) => scores[b]! - scores[a]!).slice(0, limit);
  }
  const top: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (s <= 0 || limit <= 0) continue;
    if (top.length === limit) {
      if (s <= scores[top[limit - 1]!]!) continue;
      top.pop();
    }
    let j = top.length;
    top.push(i);
    while (j > 0 && scores[top[j - 1]!]! < s) {
      top[j] = top[j - 1]!;
      j--;
    }
    top[j] = i;
  }
  return top;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return a === b;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

type QueryTerms = { query: Map<string, number>; own: { s: string; w: number }[][]; ownPairs: string[] };

/** Unknown syllables remembered with their stand-ins, per ranker (its vocabulary is fixed). */
const MAX_TYPOS = 10_000;

const docTerms = (text: string) => {
  const t = terms(phrases(text));
  return [...t.unigrams, ...t.pairs];
};

/**
 * BM25 over folded syllables and syllable pairs, at two grains: each passage (its heading counted
 * twice) and its whole lesson. A syllable the lessons never use is looked for as Telex typing and
 * then among the lessons' syllables one edit away. Pure and in memory: the same on every engine.
 */
export class PassageRanker {
  private readonly passages: IndexedPassage[];
  private readonly byPassage: Bm25;
  private readonly byLesson: Bm25;
  /** Passage index → its lesson's index in `byLesson`; passage id → index. */
  private readonly lessonOf: Int32Array;
  private readonly positions: Map<string, number>;
  private readonly typos = new Map<string, { s: string; w: number }[]>();
  private readonly vocabulary: Set<string>;
  private readonly vocabularyList: string[];

  constructor(
    passages: IndexedPassage[],
    private readonly weights: RankerWeights = DEFAULT_WEIGHTS,
  ) {
    this.passages = passages;
    this.byPassage = bm25Of(passages.map((p) => docTerms(`${p.heading} . ${p.heading} . ${p.folded}`)), weights.k1, weights.b);
    const lessons = new Map<string, string[]>();
    for (const p of passages) {
      const text = lessons.get(p.lessonId) ?? [p.lessonFolded, p.lessonFolded];
      text.push(p.heading, p.folded);
      lessons.set(p.lessonId, text);
    }
    const lessonIndex = new Map([...lessons.keys()].map((id, i) => [id, i]));
    this.lessonOf = Int32Array.from(passages, (p) => lessonIndex.get(p.lessonId)!);
    this.positions = new Map(passages.map((p, i) => [p.id, i]));
    this.byLesson = bm25Of([...lessons.values()].map((parts) => docTerms(parts.join(' . '))), weights.k1, weights.b);
    this.vocabulary = new Set([...this.byLesson.df.keys()].filter((t) => !t.includes('_')));
    this.vocabularyList = [...this.vocabulary];
  }

  /**
   * Whether a result speaks of the question at all: enough of the question's rarer words in its lesson,
   * and one of its word pairs too when it has several words (so "giá vàng hôm nay" is not answered by
   * a lesson that says "giá" and "hôm nay" apart).
   */
  static relevant(r: RankedPassage | undefined): boolean {
    return !!r && (r.evidence >= 0.5 || (r.pairs >= 1 && r.evidence >= 0.25));
  }

  get size(): number {
    return this.passages.length;
  }

  rank(question: string, limit = 10): RankedPassage[] {
    const terms = this.queryTerms(question);
    if (terms.query.size === 0) return [];
    const scores = this.scores(terms.query);
    return topIndices(scores, limit).map((i) => this.annotated(i, scores[i]!, terms));
  }

  /** The full-text score and evidence of the given passages for the question (passages found by their vectors). */
  explain(question: string, ids: string[]): RankedPassage[] {
    const terms = this.queryTerms(question);
    const scores = terms.query.size === 0 ? new Float64Array(this.passages.length) : this.scores(terms.query);
    return ids.flatMap((id) => {
      const i = this.positions.get(id);
      return i === undefined ? [] : [this.annotated(i, scores[i]!, terms)];
    });
  }

  /** Each passage's score: its own BM25 plus a share of its lesson's. */
  private scores(query: Map<string, number>): Float64Array {
    const lessonScores = scoreAll(this.byLesson, query);
    const scores = scoreAll(this.byPassage, query);
    for (let i = 0; i < scores.length; i++) scores[i]! += this.weights.lesson * lessonScores[this.lessonOf[i]!]!;
    return scores;
  }

  private annotated(i: number, score: number, terms: QueryTerms): RankedPassage {
    const p = this.passages[i]!;
    const lesson = this.lessonOf[i]!;
    const tf = this.byLesson.tf[lesson]!;
    return { id: p.id, lessonId: p.lessonId, score, evidence: this.evidence(terms.own, lesson), pairs: terms.ownPairs.filter((x) => tf.has(x)).length };
  }

  private idf(t: string): number {
    const n = this.byLesson.norm.length;
    const df = this.byLesson.df.get(t) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private evidence(own: { s: string; w: number }[][], lesson: number): number {
    let total = 0;
    let found = 0;
    for (const variants of own) {
      const weight = Math.max(...variants.map((v) => this.idf(v.s)));
      total += weight;
      const hit = variants.filter((v) => this.byLesson.tf[lesson]!.has(v.s)).map((v) => v.w);
      if (hit.length > 0) found += weight * Math.max(...hit);
    }
    return total > 0 ? found / total : 0;
  }

  /**
   * Weighted query terms: the question's syllables and pairs; a syllable the lessons never use is read
   * as Telex typing, else replaced by the lessons' syllables one edit away (pairs formed with them too).
   */
  private queryTerms(question: string): QueryTerms {
    const query = new Map<string, number>();
    const own: { s: string; w: number }[][] = [];
    const ownPairs: string[] = [];
    const add = (t: string, w: number) => query.set(t, Math.max(query.get(t) ?? 0, w));
    expandQuestion(question).split(' . ').forEach((chunk, c) => {
      const weight = c === 0 ? 1 : this.weights.everyday;
      const variants = chunk.split(' ').filter(Boolean).map((s) => this.variants(s).map((v) => ({ s: v.s, w: v.w * weight })));
      if (c === 0) {
        // An everyday word the lessons never use ("chatgpt") stands for its expansion, weighed below.
        for (const vs of variants) if (!isStopSyllable(vs[0]!.s) && !(vs.length === 1 && !this.vocabulary.has(vs[0]!.s) && hasEverydayMeaning(vs[0]!.s))) own.push(vs);
        variants.forEach((vs, i) => {
          const next = variants[i + 1]?.[0]?.s;
          if (next && !isStopSyllable(vs[0]!.s) && !isStopSyllable(next)) ownPairs.push(`${vs[0]!.s}_${next}`);
        });
      } else own.push(variants.flat());
      variants.forEach((vs, i) => {
        for (const v of vs) if (!isStopSyllable(v.s)) add(v.s, v.w);
        const next = variants[i + 1];
        if (!next) return;
        for (const a of vs) for (const b of next) if (!(isStopSyllable(a.s) && isStopSyllable(b.s))) add(`${a.s}_${b.s}`, this.weights.pair * Math.min(a.w, b.w));
      });
    });
    for (const t of [...query.keys()]) if (!this.byLesson.df.has(t)) query.delete(t);
    return { query, own, ownPairs };
  }

  private variants(s: string): { s: string; w: number }[] {
    if (this.vocabulary.has(s) || isStopSyllable(s)) return [{ s, w: 1 }];
    // Typos recur ("mat khau" typed "mat kau"); the scan over the vocabulary is the costly part.
    const known = this.typos.get(s);
    if (known) return known;
    if (this.typos.size >= MAX_TYPOS) this.typos.clear();
    const found = this.typoVariants(s);
    this.typos.set(s, found);
    return found;
  }

  private typoVariants(s: string): { s: string; w: number }[] {
    const telex = fromTelex(s);
    if (this.vocabulary.has(telex)) return [{ s: telex, w: 1 }];
    if (s.length < 4 || /^\d+$/.test(s)) return [{ s, w: 1 }];
    const near = this.vocabularyList.filter((v) => editDistanceAtMostOne(s, v)).slice(0, 6);
    return near.length > 0 ? near.map((v) => ({ s: v, w: this.weights.fuzzy })) : [{ s, w: 1 }];
  }
}


import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One line of bench/assistant/questions.tsv: a question as citizens type it and the lessons that answer it. */
export type SetQuestion = { question: string; lessons: string[] };

/** The questions kept in the repository (`course-slug/lesson-slug` per answering lesson). */
export function readQuestionSet(repoRoot: string): SetQuestion[] {
  return readFileSync(path.join(repoRoot, 'bench', 'assistant', 'questions.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [question, lessons] = line.split('\t');
      return { question: question!, lessons: (lessons ?? '').split(' ').filter(Boolean) };
    });
}

/** recall@k: the share of questions with an answering lesson among the first k distinct lessons. */
export function recallAt(results: { expected: string[]; ranked: string[] }[], k: number): number {
  const hits = results.filter((r) => r.ranked.slice(0, k).some((l) => r.expected.includes(l))).length;
  return hits / Math.max(1, results.length);
}

/** Distinct lessons in the order their passages rank. */
export function lessonOrder(lessonIds: string[]): string[] {
  return [...new Set(lessonIds)];
}

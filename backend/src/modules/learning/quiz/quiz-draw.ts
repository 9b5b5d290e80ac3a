import { randomFillSync, randomInt } from 'node:crypto';
import { type DrawRule, matchesRule, type QuestionType } from '../../content/files/content-model';
import type { QuestionPayload } from '../../content/entities/question.entity';
import type { DrawnQuestion } from '../entities/quiz-attempt.entity';

export type PoolQuestion = { id: string; type: QuestionType; competency: string; level: number; payload: QuestionPayload };

export function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * 32 random bits as 8 hex digits, from a block of the CSPRNG refilled every 1,024 keys: a randomBytes
 * call per option was the largest cost of drawing an attempt at an exam's synchronized start.
 */
const randomBlock = Buffer.alloc(4096);
let blockAt = randomBlock.length;
const randomHex32 = (): string => {
  if (blockAt === randomBlock.length) {
    randomFillSync(randomBlock);
    blockAt = 0;
  }
  blockAt += 4;
  return randomBlock.toString('hex', blockAt - 4, blockAt);
};

/** Keys the learner sees instead of bank ids, fresh per attempt, so no id hints at the key. */
const keyMaker = () => {
  const used = new Set<string>();
  return () => {
    let key: string;
    do key = randomHex32();
    while (used.has(key));
    used.add(key);
    return key;
  };
};

function drawOne(q: PoolQuestion): DrawnQuestion {
  const key = keyMaker();
  const options = q.payload.options ?? [];
  switch (q.type) {
    case 'true_false':
      // Đúng before Sai, always: shuffling a two-way choice only confuses.
      return { questionId: q.id, options: options.map((o) => ({ key: key(), optionId: o.id })) };
    case 'ordering':
      // Any order, the right one included: a draw that never showed it would give two items away (the reverse is right).
      return { questionId: q.id, options: shuffle(options).map((o) => ({ key: key(), optionId: o.id })) };
    case 'matching': {
      const all = q.payload.pairs ?? [];
      const pairs = all.map((_, pair) => pair);
      // A pair with no left side is a distractor (GIFT `= -> x`): only a choice on the right.
      const items = pairs.filter((pair) => all[pair]!.left !== '');
      return {
        questionId: q.id,
        left: shuffle(items).map((pair) => ({ key: key(), pair })),
        right: shuffle(pairs).map((pair) => ({ key: key(), pair })),
      };
    }
    case 'short_text':
    case 'numerical':
      return { questionId: q.id };
    case 'single':
    case 'multiple':
      return { questionId: q.id, options: shuffle(options).map((o) => ({ key: key(), optionId: o.id })) };
  }
}

/**
 * Draws an attempt from the pool: each rule takes its count from the questions that match it and
 * are not yet drawn; without rules, `count` questions from the whole pool. Order and options shuffled.
 */
export function drawAttempt(pool: readonly PoolQuestion[], rules: readonly DrawRule[], count: number): DrawnQuestion[] {
  const remaining = shuffle(pool);
  const picked: PoolQuestion[] = [];
  const take = (rule: DrawRule | null, n: number) => {
    for (let i = 0; i < remaining.length && n > 0; ) {
      if (!rule || matchesRule(remaining[i]!, rule)) {
        picked.push(...remaining.splice(i, 1));
        n--;
      } else i++;
    }
  };
  if (rules.length) for (const rule of rules) take(rule, rule.count);
  else take(null, count);
  return shuffle(picked).map(drawOne);
}

/** A quiz item the model drafted, checked and trimmed: a single-choice question or a true/false statement. */
export type SuggestedQuestion = {
  type: 'single' | 'true_false';
  prompt: string;
  explanation: string;
  /** Single choice: 3 to 5 choices, exactly one correct. True/false: [Đúng, Sai] with the right one marked. */
  options: { text: string; correct: boolean }[];
};

export const SUGGESTION_LIMITS = { promptChars: [10, 400], optionChars: [1, 200], explanationChars: 600, options: [3, 5] } as const;

/** Markup the bank must not receive from a model: tags, comments, entities, code fences. */
const MARKUP = /<\/?[a-z!?][^>]*>|&[a-z#0-9]+;|```/i;
const CONTROL = /\p{Cc}/gu;

/** Collapses spaces, takes out control characters; null for anything that is not a string. */
function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

function text(value: unknown, min: number, max: number): string | null {
  const s = clean(value);
  return s !== null && s.length >= min && s.length <= max && !MARKUP.test(s) ? s : null;
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/[.!?…\s]+$/u, '');

/** One item of the model's list, or null when any part of it breaks the schema or the limits. */
function readItem(item: unknown): SuggestedQuestion | null {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return null;
  const raw = item as Record<string, unknown>;
  const prompt = text(raw.prompt, SUGGESTION_LIMITS.promptChars[0], SUGGESTION_LIMITS.promptChars[1]);
  const explanation = raw.explanation === undefined ? '' : text(raw.explanation, 0, SUGGESTION_LIMITS.explanationChars);
  if (prompt === null || explanation === null) return null;
  if (raw.type === 'true_false') {
    if (typeof raw.answer !== 'boolean') return null;
    return { type: 'true_false', prompt, explanation, options: [{ text: 'Đúng', correct: raw.answer }, { text: 'Sai', correct: !raw.answer }] };
  }
  if (raw.type !== 'single' || !Array.isArray(raw.options)) return null;
  const [fewest, most] = SUGGESTION_LIMITS.options;
  if (raw.options.length < fewest || raw.options.length > most) return null;
  const options: SuggestedQuestion['options'] = [];
  for (const o of raw.options as unknown[]) {
    const option = o && typeof o === 'object' ? (o as Record<string, unknown>) : {};
    const optionText = text(option.text, SUGGESTION_LIMITS.optionChars[0], SUGGESTION_LIMITS.optionChars[1]);
    if (optionText === null || typeof option.correct !== 'boolean') return null;
    options.push({ text: optionText, correct: option.correct });
  }
  if (options.filter((o) => o.correct).length !== 1) return null;
  if (new Set(options.map((o) => fold(o.text))).size !== options.length) return null;
  return { type: 'single', prompt, explanation, options };
}

/** The JSON object in a reply, also when the model wrapped it in a code fence or a sentence. */
function jsonOf(reply: string): unknown {
  const start = reply.indexOf('{');
  const end = reply.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  try {
    return JSON.parse(reply.slice(start, end + 1));
  } catch {
    return undefined;
  }
}

/**
 * The model's reply read strictly: `{ "questions": [...] }`, each item checked on its own. An item that
 * breaks a rule is dropped, never repaired; so is a repeat of an earlier item or of a prompt the bank
 * already holds (`known`, compared without case), and anything past `max`.
 */
export function readSuggestions(reply: string, max: number, known: readonly string[] = []): { questions: SuggestedQuestion[]; dropped: number; readable: boolean } {
  const parsed = jsonOf(reply);
  const items = parsed && typeof parsed === 'object' && Array.isArray((parsed as { questions?: unknown }).questions) ? ((parsed as { questions: unknown[] }).questions) : null;
  if (!items) return { questions: [], dropped: 0, readable: false };
  const seen = new Set(known.map(fold));
  const questions: SuggestedQuestion[] = [];
  for (const item of items) {
    const q = readItem(item);
    if (!q || seen.has(fold(q.prompt)) || questions.length >= max) continue;
    seen.add(fold(q.prompt));
    questions.push(q);
  }
  return { questions, dropped: items.length - questions.length, readable: true };
}

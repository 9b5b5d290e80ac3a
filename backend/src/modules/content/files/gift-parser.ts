import type { ChoiceOption, QuestionDraft } from './content-model';
import type { ProblemSink } from './problems';

/**
 * Moodle GIFT question banks (https://docs.moodle.org/en/GIFT_format) into the common model.
 * Competency and level, which GIFT lacks, come from `// @competency 4.2` and `// @level 1` comments
 * that apply to the questions after them. Constructs with no equivalent are reported, never dropped.
 */
export function parseGift(text: string, file: string, sink: ProblemSink): QuestionDraft[] {
  const questions: QuestionDraft[] = [];
  const ids = new Set<string>();
  for (const block of blocks(text)) {
    const q = parseBlock(block, file, sink);
    if (!q) continue;
    if (ids.has(q.externalId)) sink.add(block.line, `duplicate question title ${q.externalId}`);
    ids.add(q.externalId);
    questions.push(q);
  }
  return questions;
}

type Block = { text: string; line: number; competency?: string; level?: number };

/** Questions are separated by blank lines; comments carry the competency and level directives. */
function* blocks(text: string): Generator<Block> {
  let competency: string | undefined;
  let level: number | undefined;
  let current: Block | null = null;
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    const open = current ? depth(current.text) > 0 : false;
    if (line.startsWith('//')) {
      const directive = /^\/\/\s*@(competency|level)\s+(\S+)/.exec(line);
      if (directive?.[1] === 'competency') competency = directive[2];
      if (directive?.[1] === 'level') level = Number(directive[2]);
      continue;
    }
    if (line.startsWith('$CATEGORY:')) continue;
    if (line === '' && !open) {
      if (current) yield current;
      current = null;
      continue;
    }
    if (!current) current = { text: raw, line: i + 1, competency, level };
    else current.text += `\n${raw}`;
  }
  if (current) yield current;
}

/** Unescaped `{` minus unescaped `}`. */
function depth(text: string): number {
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') d++;
    else if (text[i] === '}') d--;
  }
  return d;
}

/** Index of the first unescaped `ch` at or after `from`, or -1. */
function find(text: string, ch: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === ch) return i;
  }
  return -1;
}

/** Splits on unescaped single characters from `chars`, keeping the separator with each piece. */
function splitKeeping(text: string, chars: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (chars.includes(text[i]!) && i > start) {
      parts.push(text.slice(start, i));
      start = i;
    } else if (chars.includes(text[i]!)) start = i;
  }
  parts.push(text.slice(start));
  return parts.filter((p) => p.trim() !== '');
}

const unescape = (s: string) => s.replace(/\\n/g, '\n').replace(/\\([~=#{}:\\])/g, '$1').trim();
const letter = (i: number) => String.fromCharCode(97 + i);

/** `answer#feedback` → both parts, unescaped. */
function withFeedback(s: string): { text: string; feedback: string | undefined } {
  const hash = find(s, '#');
  return hash < 0 ? { text: unescape(s), feedback: undefined } : { text: unescape(s.slice(0, hash)), feedback: unescape(s.slice(hash + 1)) };
}

function parseBlock(block: Block, file: string, sink: ProblemSink): QuestionDraft | null {
  let text = block.text.trim();
  let title: string | undefined;
  const titled = /^::([\s\S]*?)::/.exec(text);
  if (titled) {
    title = unescape(titled[1] ?? '');
    text = text.slice(titled[0].length).trim();
  }
  const format = /^\[(markdown|plain|html|moodle)\]/.exec(text);
  if (format) {
    if (format[1] === 'html') sink.warn(block.line, 'HTML question text is shown as plain text');
    text = text.slice(format[0].length).trim();
  }
  const open = find(text, '{');
  const close = open < 0 ? -1 : find(text, '}', open + 1);
  if (open < 0) {
    sink.add(block.line, 'GIFT description (text with no answers) is not supported: it is not a question');
    return null;
  }
  if (close < 0) {
    sink.add(block.line, 'unclosed { in GIFT question');
    return null;
  }
  const before = unescape(text.slice(0, open));
  const after = unescape(text.slice(close + 1));
  const prompt = after ? `${before} _____ ${after}` : before;
  const body = text.slice(open + 1, close).trim();
  const externalId = (title ?? `line-${block.line}`).replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || `line-${block.line}`;

  if (!prompt) sink.add(block.line, 'question has no text');
  if (!block.competency) sink.add(block.line, 'no // @competency comment before this question');
  if (!block.level || !Number.isInteger(block.level) || block.level < 1 || block.level > 8) {
    sink.add(block.line, 'no valid // @level 1-8 comment before this question');
  }
  if (body === '') {
    sink.add(block.line, 'GIFT essay questions are not supported');
    return null;
  }
  if (body.startsWith('#')) {
    sink.add(block.line, 'GIFT numerical questions are not supported');
    return null;
  }

  // General feedback (####) is the explanation.
  const general = body.indexOf('####');
  const answers = general >= 0 ? body.slice(0, general) : body;
  const explanation = general >= 0 ? unescape(body.slice(general + 4)) : '';
  const base = { externalId, prompt, competency: block.competency ?? '', level: block.level ?? 0, file };
  const explain = () => {
    if (explanation) return explanation;
    sink.warn(block.line, 'no general feedback (####): the explanation is left empty');
    return '';
  };
  const feedbackOr = (fb: string | undefined, fallback: string) => {
    if (fb) return fb;
    sink.warn(block.line, 'an answer has no #feedback: a generic one is used');
    return fallback;
  };

  const tf = /^(T|TRUE|F|FALSE)\s*(#[\s\S]*)?$/.exec(answers.trim());
  if (tf) {
    const answer = tf[1]!.startsWith('T');
    const parts = tf[2] ? splitHashes(tf[2]) : [];
    // GIFT: the first feedback is for a wrong answer, the second for the right one.
    const wrong = feedbackOr(parts[0], 'Chưa đúng.');
    const right = feedbackOr(parts[1], 'Đúng.');
    return {
      ...base,
      type: 'true_false',
      explanation: explain(),
      options: [
        { id: 'true', text: 'Đúng', correct: answer, weight: answer ? 100 : 0, feedback: answer ? right : wrong },
        { id: 'false', text: 'Sai', correct: !answer, weight: answer ? 0 : 100, feedback: answer ? wrong : right },
      ],
    };
  }

  const tokens = splitKeeping(answers.trim(), '=~');
  if (tokens.some((t) => !/^[=~]/.test(t))) {
    sink.add(block.line, 'answers must start with = or ~');
    return null;
  }
  const allRight = tokens.every((t) => t.startsWith('='));
  if (allRight && tokens.some((t) => t.includes('->'))) {
    const pairs = tokens.map((t) => {
      const [left = '', right = ''] = t.slice(1).split('->');
      return { left: unescape(left), right: withFeedback(right).text };
    });
    if (pairs.length < 2 || pairs.some((p) => !p.right)) sink.add(block.line, 'matching needs at least two "left -> right" pairs');
    return { ...base, type: 'matching', explanation: explain(), pairs, feedback: { correct: 'Đúng.', incorrect: 'Chưa đúng. Hãy xem lại phần giải thích.' } };
  }
  const parsed = tokens.map((t) => {
    const weighted = /^([=~])%(-?\d+(?:\.\d+)?)%/.exec(t);
    const rest = weighted ? t.slice(weighted[0].length) : t.slice(1);
    const weight = weighted ? Number(weighted[2]) : t.startsWith('=') ? 100 : 0;
    return { weight, ...withFeedback(rest) };
  });
  if (allRight) {
    return {
      ...base,
      type: 'short_text',
      explanation: explain(),
      accepted: parsed.map((p) => p.text),
      feedback: { correct: feedbackOr(parsed[0]?.feedback, 'Đúng.'), incorrect: 'Chưa đúng. Hãy xem lại phần giải thích.' },
    };
  }
  const correct = parsed.filter((p) => p.weight > 0).length;
  if (correct === 0) {
    sink.add(block.line, 'question has no correct answer');
    return null;
  }
  const multiple = tokens.some((t) => /^~%/.test(t)) || correct > 1;
  const options: ChoiceOption[] = parsed.map((p, i) => ({
    id: letter(i),
    text: p.text,
    correct: p.weight > 0,
    weight: p.weight,
    feedback: feedbackOr(p.feedback, p.weight > 0 ? 'Đúng.' : 'Chưa đúng.'),
  }));
  return { ...base, type: multiple ? 'multiple' : 'single', explanation: explain(), options };
}

/** `#wrong#right` → ['wrong', 'right'] (unescaped). */
function splitHashes(s: string): string[] {
  const out: string[] = [];
  let start = 1;
  for (let i = 1; i <= s.length; i++) {
    if (s[i] === '\\') i++;
    else if (i === s.length || s[i] === '#') {
      out.push(unescape(s.slice(start, i)));
      start = i + 1;
    }
  }
  return out;
}

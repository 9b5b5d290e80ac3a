import { createHash } from 'node:crypto';
import type { ChoiceOption, NumericAnswer, QuestionDefaults, QuestionDraft, RichTexts, WeightedAnswer } from './content-model';
import type { ProblemSink } from './problems';
import { crowdedMarkdown } from './markdown-scan';
import { type TextFormat, toPlainText, toQuizMarkdown } from './rich-text';

/**
 * Moodle GIFT banks read as Moodle's own importer reads them (question/format/gift/format.php):
 * questions end at a blank line; `::title::`; the first `{` and the first `}` bound the answers; the
 * type follows Moodle's order (description, essay, numerical `#`, multiple choice `~`, matching
 * `=`+`->`, true/false, short answer); weights `%n%`; feedback `#`; general feedback `####`; format
 * markers `[html]` `[moodle]` `[markdown]` `[plain]`; escapes `\: \# \= \{ \} \~ \n \\`.
 *
 * GIFT has no competency or level: `// @competency 4.2` and `// @level 1` comments set them for the
 * questions after them, a `$CATEGORY` whose path names them (`…/4.2 Bảo vệ thiết bị/Mức 1`) does
 * too, and the course's `questionDefaults` (or its only competency) fill what is still missing.
 */
export function parseGift(text: string, file: string, sink: ProblemSink, defaults: QuestionDefaults = {}): QuestionDraft[] {
  const questions: QuestionDraft[] = [];
  for (const block of blocks(text)) {
    const q = withRichTexts(readBlock(block, file, sink, defaults), sink);
    if (q) questions.push(q);
  }
  return questions;
}

const crowded = (markdown: string) => {
  const found = crowdedMarkdown(markdown.split('\n'));
  return found.paragraphs.length > 0 || found.lesson !== null;
};

/** A question's formatted texts kept only when it has some, and only when the renderer can take them quickly. */
function withRichTexts(q: QuestionDraft | null, sink: ProblemSink): QuestionDraft | null {
  if (!q?.rich) return q;
  const texts = [q.rich.prompt, q.rich.explanation, ...Object.values(q.rich.options ?? {})].filter((t) => t !== undefined);
  if (texts.length === 0) {
    delete q.rich;
    return q;
  }
  if (texts.some(crowded)) {
    sink.add(q.line, 'the formatted text holds too many [ or * and _ to be shown quickly; simplify its formatting');
    return null;
  }
  return q;
}

type Block = { lines: string[]; line: number; competency?: string; level?: number; category?: boolean; idNumber?: string };

/** Moodle's idnumber in a comment of the question (`// [id:abc]`, as Moodle 4 exports it): an explicit id. */
const ID_NUMBER = /\[id:((?:\\.|[^\]\\])+)\]/;

/** Moodle: a line that is empty after trimming ends a question; `//` lines are blanked, not removed. */
function* blocks(text: string): Generator<Block> {
  let competency: string | undefined;
  let level: number | undefined;
  let current: Block | null = null;
  // An idnumber comment belongs to the question of its block, above it or inside it (Moodle).
  let idNumber: string | undefined;
  const all = text.split('\n');
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!.trim();
    if (line === '') {
      if (current) yield current;
      current = null;
      idNumber = undefined;
      continue;
    }
    if (line.startsWith('//')) {
      const directive = /^\/\/\s*@(competency|level)\s+(\S+)/.exec(line);
      if (directive?.[1] === 'competency') competency = directive[2];
      if (directive?.[1] === 'level') level = Number(directive[2]);
      const id = ID_NUMBER.exec(line)?.[1]?.replace(/\\(.)/g, '$1').trim();
      if (id) idNumber = id;
      if (current) {
        current.lines.push(' ');
        if (id) current.idNumber = id;
      }
      continue;
    }
    if (!current) {
      current = { lines: [line], line: i + 1, competency, level, idNumber };
      if (line.startsWith('$CATEGORY:')) {
        // The category's path may name the competency and level of the questions after it.
        const named = fromCategory(line.slice('$CATEGORY:'.length));
        competency = named.competency ?? competency;
        level = named.level ?? level;
        current.category = true;
      }
    } else current.lines.push(line);
  }
  if (current) yield current;
}

/** `$course$/top/4.2 Bảo vệ thiết bị/Mức 1` → competency 4.2, level 1 (the deepest segment that names one). */
export function fromCategory(path: string): QuestionDefaults {
  const named: QuestionDefaults = {};
  for (const raw of path.split('/')) {
    const segment = raw.trim();
    const code = /^(\d\.\d)(?![\d.])/.exec(segment);
    if (code) named.competency = code[1];
    const level = /^(?:mức|muc|level|cấp độ|cap do|bậc|bac|L)\s*(\d)$/iu.exec(segment.normalize('NFC'));
    if (level) named.level = Number(level[1]);
  }
  return named;
}

// Escaped characters become private-use placeholders while the structure is read (Moodle uses `&&058;`…).
const ESCAPES: [string, string][] = [[':', '\uE03A'], ['#', '\uE023'], ['=', '\uE03D'], ['{', '\uE07B'], ['}', '\uE07D'], ['~', '\uE07E'], ['n', '\uE00A']];
function escapePre(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      const next = s[i + 1]!;
      if (next === '\\') {
        out += '\\';
        i++;
        continue;
      }
      const hit = ESCAPES.find(([ch]) => ch === next);
      if (hit) {
        out += hit[1];
        i++;
        continue;
      }
    }
    out += c;
  }
  return out;
}
const UNESCAPE = new Map(ESCAPES.map(([ch, ph]) => [ph, ch === 'n' ? '\n' : ch]));
const PLACEHOLDER = /[\uE03A\uE023\uE03D\uE07B\uE07D\uE07E\uE00A]/g;
const escapePost = (s: string) => s.replace(PLACEHOLDER, (ph) => UNESCAPE.get(ph)!);

const FORMATS: Record<string, TextFormat> = { moodle: 'moodle', html: 'html', plain: 'plain', markdown: 'markdown' };

/**
 * Moodle's parse_text_with_format: an optional `[format]` prefix, then the text as plain text, and as
 * Markdown for the page where the source is formatted.
 */
function formatted(raw: string, fallback: TextFormat): { text: string; rich: string | null; format: TextFormat } {
  let text = raw.trim();
  let format = fallback;
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    const named = end > 0 ? FORMATS[text.slice(1, end).toLowerCase()] : undefined;
    if (named) {
      format = named;
      text = text.slice(end + 1);
    }
  }
  const source = escapePost(text).trim();
  return { text: toPlainText(source, format), rich: toQuizMarkdown(source, format), format };
}

/** `answer#feedback` (first `#`), each with the question's format unless it names its own. */
function withFeedback(s: string, format: TextFormat): { text: string; rich: string | null; feedback: string } {
  const hash = s.indexOf('#');
  const answer = formatted(hash < 0 ? s : s.slice(0, hash), format);
  return { text: answer.text, rich: answer.rich, feedback: hash < 0 ? '' : formatted(s.slice(hash + 1), format).text };
}

const WEIGHT = /^%-*([0-9]{1,2})\.?([0-9]*)%/;
/** Moodle's answerweightparser: `%-33.3%rest` → -33.3 and `rest`. */
function weighted(answer: string): { weight: number; rest: string } | null {
  if (!WEIGHT.test(answer)) return null;
  const end = answer.indexOf('%', 1);
  const weight = Number(answer.slice(1, end));
  return Number.isFinite(weight) ? { weight, rest: answer.slice(end + 1) } : null;
}

/** Moodle's explode on a separator, dropping an empty first piece. */
function pieces(s: string, sep: string): string[] {
  const parts = s.split(sep);
  if (parts.length && parts[0]!.trim() === '') parts.shift();
  return parts.map((p) => p.trim());
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The explicit id a title gives (letters of every script kept, diacritics included), or null. */
export function idFromTitle(title: string): string | null {
  const slug = title.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '');
  if (!slug) return null;
  if (slug.length <= 100) return slug;
  return `${slug.slice(0, 80)}-${createHash('sha256').update(slug).digest('hex').slice(0, 12)}`;
}

/** The id of an untitled question: a hash of its normalised text, so lines added elsewhere never change it. */
export function idFromText(text: string): string {
  const normal = text.normalize('NFC').split(/\s+/).filter(Boolean).join(' ');
  return `q-${createHash('sha256').update(normal).digest('hex').slice(0, 16)}`;
}

function readBlock(block: Block, file: string, sink: ProblemSink, defaults: QuestionDefaults): QuestionDraft | null {
  const line = block.line;
  const error = (message: string): null => {
    sink.add(line, message);
    return null;
  };
  let text = escapePre(block.lines.join('\n').trim());
  if (text === '') return null;

  if (block.category) {
    if (text.includes('\n')) return error('$CATEGORY must be followed by a blank line: Moodle reads the lines after it as part of the category name, and the question is lost');
    return null;
  }

  let title: string | null = null;
  if (text.startsWith('::')) {
    text = text.slice(2);
    const end = text.indexOf('::');
    if (end >= 0) {
      title = escapePost(text.slice(0, end)).trim();
      text = text.slice(end + 2).trim();
    }
  }

  const start = text.indexOf('{');
  const finish = text.indexOf('}');
  const description = start < 0 && finish < 0;
  if (!description && (start < 0 || finish < 0 || finish < start)) {
    return error('unmatched { or } (a blank line inside { } ends the question in Moodle; escape a literal brace as \\{ or \\})');
  }
  const answerText = description ? '' : text.slice(start + 1, finish).trim();
  const rest = description ? '' : text.slice(finish + 1);
  if (rest.includes('{') || /\n\s*::/.test(rest)) {
    sink.warn(line, 'Moodle reads the next question as part of this one: separate questions with a blank line');
  }
  // Moodle: answers at the very end leave the text as it is; answers inside it become a blank.
  const questionText = description ? text : text.endsWith('}') ? `${text.slice(0, start)}${rest}` : `${text.slice(0, start)}_____${rest}`;

  if (description) {
    sink.warn(line, 'a description (text with no answers) is not a question: skipped');
    return null;
  }
  if (answerText === '') {
    return error('essay questions ({}) have free answers that cannot be graded on the server: rewrite as another type or remove');
  }

  const generalAt = answerText.lastIndexOf('####');
  const answers = generalAt < 0 ? answerText : answerText.slice(0, generalAt).trim();
  const prompt = formatted(questionText, 'moodle');
  const format = prompt.format;
  const general = generalAt < 0 ? null : formatted(answerText.slice(generalAt + 4), format);
  const explanationText = general?.text ?? '';
  const rich: RichTexts = {};
  if (prompt.rich) rich.prompt = prompt.rich;
  if (general?.rich) rich.explanation = general.rich;

  const competency = block.competency ?? defaults.competency;
  const level = block.level ?? defaults.level;
  if (!prompt.text) sink.add(line, 'question has no text');
  if (!competency) sink.add(line, 'no competency for this question: add a // @competency comment, a $CATEGORY naming it (…/4.2 …) or questionDefaults in course.yaml');
  if (level === undefined || !Number.isInteger(level) || level < 1 || level > 8) {
    sink.add(line, 'no valid level 1-8 for this question: add a // @level comment, a $CATEGORY naming it (…/Mức 1) or questionDefaults in course.yaml');
  }
  // Moodle's idnumber first, then the title, then the text itself.
  const externalId = (block.idNumber && idFromTitle(block.idNumber)) ?? (title && idFromTitle(title)) ?? idFromText(text);
  const base: Base = { externalId, prompt: prompt.text, competency: competency ?? '', level: level ?? 0, file, line, rich };
  const explanation = () => {
    if (explanationText) return explanationText;
    sink.warn(line, 'no general feedback (####): the explanation is left empty');
    return '';
  };
  const feedbackOr = (fb: string, fallback: string) => {
    if (fb) return fb;
    sink.warn(line, 'an answer has no #feedback: a generic one is used');
    return fallback;
  };

  // Moodle's order of tests decides the type.
  if (answers.startsWith('#')) return numerical(answers.slice(1), format, base, explanation, error);
  if (answers.includes('~')) {
    const single = answers.includes('=');
    const parts = pieces(answers.split('=').join('~='), '~');
    if (parts.length < 2) return error('a multiple-choice question needs at least 2 answers');
    const options: ChoiceOption[] = parts.map((p, i) => {
      let weight = 0;
      let body = p;
      if (p.startsWith('=')) [weight, body] = [100, p.slice(1)];
      else {
        const w = weighted(p);
        if (w) [weight, body] = [w.weight, w.rest];
      }
      const { text: optionText, rich: optionRich, feedback } = withFeedback(body, format);
      const correct = single ? weight >= 100 : weight > 0;
      const id = String.fromCharCode(97 + i);
      if (optionRich) (rich.options ??= {})[id] = optionRich;
      return { id, text: optionText, correct, weight, feedback: feedbackOr(feedback, correct ? 'Đúng.' : 'Chưa đúng.') };
    });
    if (single) {
      if (Math.max(...options.map((o) => o.weight)) !== 100) return error('one answer must be worth 100%');
      return { ...base, type: 'single', explanation: explanation(), options };
    }
    const total = options.reduce((n, o) => n + Math.max(0, o.weight), 0);
    if (Math.abs(total - 100) > 0.5) return error(`the positive weights add up to ${total}%, not 100% (Moodle refuses this question)`);
    return { ...base, type: 'multiple', explanation: explanation(), options, grading: 'weights' };
  }
  if (answers.includes('=') && answers.includes('->')) {
    const parts = pieces(answers, '=');
    if (parts.length < 2) return error('matching needs at least 2 "left -> right" pairs');
    const pairs: { left: string; right: string }[] = [];
    for (const p of parts) {
      const arrow = p.indexOf('->');
      if (arrow < 0) return error(`matching answer "${escapePost(p).slice(0, 40)}" has no ->`);
      pairs.push({ left: formatted(p.slice(0, arrow), format).text, right: escapePost(p.slice(arrow + 2)).trim() });
    }
    if (pairs.filter((p) => p.left !== '').length < 2) return error('matching needs at least 2 pairs with a left side (= -> x is an extra choice)');
    if (pairs.some((p) => p.right === '')) return error('a matching pair has an empty right side');
    return { ...base, type: 'matching', explanation: explanation(), pairs, feedback: { correct: 'Đúng.', incorrect: 'Chưa đúng. Hãy xem lại phần giải thích.' } };
  }
  const hashAt = answers.indexOf('#');
  const tfWord = hashAt > 0 ? answers.slice(0, hashAt).trim() : answers;
  if (['T', 'TRUE', 'F', 'FALSE'].includes(tfWord)) {
    // Moodle: explode('#', $answer, 3).
    const first = answers.indexOf('#');
    const second = first < 0 ? -1 : answers.indexOf('#', first + 1);
    const wrongRaw = first < 0 ? '' : answers.slice(first + 1, second < 0 ? undefined : second);
    const rightRaw = second < 0 ? '' : answers.slice(second + 1);
    const isTrue = tfWord.startsWith('T');
    // GIFT: the first feedback is for a wrong answer, the second for the right one.
    const wrong = feedbackOr(formatted(wrongRaw, format).text, 'Chưa đúng.');
    const right = feedbackOr(formatted(rightRaw, format).text, 'Đúng.');
    return {
      ...base,
      type: 'true_false',
      explanation: explanation(),
      options: [
        { id: 'true', text: 'Đúng', correct: isTrue, weight: isTrue ? 100 : 0, feedback: isTrue ? right : wrong },
        { id: 'false', text: 'Sai', correct: !isTrue, weight: isTrue ? 0 : 100, feedback: isTrue ? wrong : right },
      ],
    };
  }
  // Short answer: every `=` answer, weight 100 unless `%n%`; `*` matches anything.
  const parts = pieces(answers, '=');
  if (parts.length < 1) return error('a short-answer question needs an answer');
  const list: WeightedAnswer[] = parts.map((p) => {
    const w = weighted(p);
    const { text: answerValue, feedback } = withFeedback(w ? w.rest : p, format);
    return { text: answerValue, weight: w ? w.weight : 100, feedback };
  });
  if (!list.some((a) => a.weight === 100)) return error('one answer must be worth 100%');
  if (list.some((a) => a.text === '')) return error('a short answer is empty');
  const full = list.find((a) => a.weight === 100)!;
  const other = list.find((a) => a.weight === 0 && /^\*+$/.test(a.text));
  return {
    ...base,
    type: 'short_text',
    explanation: explanation(),
    accepted: list.filter((a) => a.weight === 100).map((a) => a.text),
    answers: list,
    feedback: { correct: feedbackOr(full.feedback, 'Đúng.'), incorrect: other?.feedback || 'Chưa đúng. Hãy xem lại phần giải thích.' },
  };
}

type Base = Pick<QuestionDraft, 'externalId' | 'prompt' | 'competency' | 'level' | 'file' | 'line'> & { rich: RichTexts };

/** Moodle's numerical: `=value:tolerance`, `=min..max`, `=value`, weights, and `~#feedback` for any other number. */
function numerical(body: string, format: TextFormat, base: Base, explanation: () => string, error: (m: string) => null): QuestionDraft | null {
  const tilde = body.indexOf('~');
  const wrongFeedback = tilde < 0 ? '' : withFeedback(body.slice(tilde + 1), format).feedback;
  const parts = pieces(tilde < 0 ? body : body.slice(0, tilde), '=');
  if (parts.length === 0) return error('a numerical question needs an answer');
  const numbers: NumericAnswer[] = [];
  for (const p of parts) {
    const w = weighted(p);
    const raw = w ? w.rest : p;
    const hash = raw.indexOf('#');
    const answer = escapePost(hash < 0 ? raw : raw.slice(0, hash)).trim();
    const feedback = hash < 0 ? '' : formatted(raw.slice(hash + 1), format).text;
    let value: string;
    let tolerance: string;
    const range = answer.indexOf('..');
    const colon = answer.indexOf(':');
    if (range > 0) {
      const [min, max] = [answer.slice(0, range).trim(), answer.slice(range + 2).trim()];
      if (!NUMBER.test(min) || !NUMBER.test(max)) return error(`numerical answer "${answer}" is not min..max`);
      value = String((Number(min) + Number(max)) / 2);
      tolerance = String(Math.abs(Number(max) - Number(min)) / 2);
    } else if (colon > 0) [value, tolerance] = [answer.slice(0, colon).trim(), answer.slice(colon + 1).trim()];
    else [value, tolerance] = [answer.trim(), '0'];
    if (!(NUMBER.test(value) || value === '*') || !NUMBER.test(tolerance)) return error(`numerical answer "${answer}" is not a number (value, value:tolerance or min..max)`);
    numbers.push({ value: value === '*' ? null : Number(value), tolerance: Math.abs(Number(tolerance)), weight: w ? w.weight : 100, feedback });
  }
  if (wrongFeedback) numbers.push({ value: null, tolerance: 0, weight: 0, feedback: wrongFeedback });
  if (!numbers.some((n) => n.weight === 100)) return error('one numerical answer must be worth 100%');
  const right = numbers.find((n) => n.weight === 100)!;
  return {
    ...base,
    type: 'numerical',
    explanation: explanation(),
    numbers,
    feedback: { correct: right.feedback || 'Đúng.', incorrect: wrongFeedback || 'Chưa đúng. Hãy xem lại phần giải thích.' },
  };
}

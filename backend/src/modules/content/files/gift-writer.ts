import type { ChoiceOption, QuestionDraft } from './content-model';
import type { Written } from './course-writer';
import { htmlToText } from './rich-text';

/**
 * Questions written as Moodle GIFT that `parseGift` reads back to the same questions: `// @competency`
 * and `// @level` before each, the id as its title, every special character escaped, and `[plain]`
 * when Moodle's own format would change a text (tags, entities, spacing). Ordering questions have no
 * GIFT form; they are left out and named in `skipped`.
 */
export function writeGiftBank(questions: QuestionDraft[]): Written & { skipped: string[] } {
  const lines: string[] = [];
  const marks: Written['marks'] = [];
  const skipped: string[] = [];
  for (const x of questions) {
    const answers = answersOf(x);
    if (answers === null) {
      skipped.push(x.externalId);
      continue;
    }
    if (lines.length) lines.push('');
    marks.push({ line: lines.length + 1, key: x.externalId });
    lines.push(`// @competency ${x.competency}`, `// @level ${x.level}`);
    const texts = [x.prompt, x.explanation, ...(x.options ?? []).flatMap((o) => [o.text, o.feedback]), ...(x.answers ?? []).flatMap((a) => [a.text, a.feedback]),
      ...(x.numbers ?? []).map((n) => n.feedback), ...(x.pairs ?? []).map((p) => p.left)];
    const plain = texts.some((t) => htmlToText(t) !== t.trim()) ? '[plain]' : '';
    lines.push(`::${x.externalId}:: ${plain}${esc(x.prompt)} {`, ...answers.map((a) => `  ${a}`));
    if (x.explanation) lines.push(`  ####${x.rich?.explanation ? `[markdown]${esc(x.rich.explanation)}` : esc(x.explanation)}`);
    lines.push('}');
  }
  return { text: lines.length ? `${lines.join('\n')}\n` : '', marks, skipped };
}

/** GIFT's special characters escaped, line breaks as `\n`. */
export const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/[~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
const fb = (s: string) => (s ? ` #${esc(s)}` : '');
const weight = (w: number) => `%${String(w)}%`;

function answersOf(x: QuestionDraft): string[] | null {
  const options = x.options ?? [];
  // A formatted choice keeps its formatting under its own marker.
  const text = (o: ChoiceOption) => {
    const rich = x.rich?.options?.[o.id];
    return rich ? `[markdown]${esc(rich)}` : esc(o.text);
  };
  switch (x.type) {
    case 'single':
      return options.map((o) => (o.weight === 100 ? `=${text(o)}${fb(o.feedback)}` : `~${o.weight ? weight(o.weight) : ''}${text(o)}${fb(o.feedback)}`));
    case 'multiple':
      return options.map((o) => `~${weight(o.weight)}${text(o)}${fb(o.feedback)}`);
    case 'true_false': {
      const yes = options.find((o) => o.id === 'true');
      const no = options.find((o) => o.id === 'false');
      const isTrue = yes?.correct ?? true;
      // GIFT: the first feedback is for a wrong answer, the second for the right one.
      const [wrong, right] = isTrue ? [no?.feedback ?? '', yes?.feedback ?? ''] : [yes?.feedback ?? '', no?.feedback ?? ''];
      return [`${isTrue ? 'TRUE' : 'FALSE'}#${esc(wrong)}#${esc(right)}`];
    }
    case 'short_text': {
      const list = x.answers ?? (x.accepted ?? []).map((text) => ({ text, weight: 100, feedback: x.feedback?.correct ?? '' }));
      return list.map((a) => `=${a.weight === 100 ? '' : weight(a.weight)}${esc(a.text)}${fb(a.feedback)}`);
    }
    case 'numerical': {
      const numbers = x.numbers ?? [];
      const last = numbers[numbers.length - 1];
      const other = last && last.value === null && last.weight === 0 ? last : null;
      const out = (other ? numbers.slice(0, -1) : numbers).map(
        (n, i) => `${i === 0 ? '#' : ''}=${n.weight === 100 ? '' : weight(n.weight)}${n.value === null ? '*' : String(n.value)}${n.tolerance ? `:${n.tolerance}` : ''}${fb(n.feedback)}`,
      );
      if (other) out.push(`~${fb(other.feedback).trimStart()}`);
      return out;
    }
    case 'matching':
      return (x.pairs ?? []).map((p) => `=${esc(p.left)} -> ${esc(p.right)}`);
    case 'ordering':
      return null;
  }
}

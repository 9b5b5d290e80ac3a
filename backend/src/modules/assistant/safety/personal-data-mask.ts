import { foldVietnamese } from '../../../common/text/normalize';

/** Words after which Vietnamese writes a person's name: titles, kinship words and "tên là". */
const NAME_CUES = 'tên(?:\\s+(?:tôi|em|con|cháu|mình|anh|chị|ông|bà))?(?:\\s+là)?|tôi là|em là|mình là|con là|cháu là|ông|bà|anh|chị|cô|chú|bác|dì|cậu|mợ|thím|em|cháu|con|bạn';
const NAME_AFTER_CUE = new RegExp(`(^|[^\\p{L}])(${NAME_CUES})\\s+((?:\\p{Lu}\\p{Ll}*)(?:\\s+\\p{Lu}\\p{Ll}*){0,3})`, 'gu');

/**
 * Takes names, phone numbers, citizen ID numbers, account numbers and emails out of a question before
 * it is stored or sent to a model: digit runs by their length (10 from 0 or 11 from 84: a phone; 9 or 12:
 * an ID card; any other run of 8 or more: an account or card number), names after the words that
 * introduce them ("tên là …", "chị …") and the asker's own name wherever it appears.
 */
export function maskPersonalData(text: string, ownNames: (string | null)[] = []): string {
  let out = text.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]');
  out = out.replace(/\+?\d(?:[\s.-]?\d){7,}/g, (run) => {
    const digits = run.replace(/\D/g, '');
    if ((digits.length === 10 && digits.startsWith('0')) || (digits.length === 11 && digits.startsWith('84'))) return '[số điện thoại]';
    if (digits.length === 9 || digits.length === 12) return '[số giấy tờ]';
    return '[dãy số]';
  });
  for (const name of ownNames) {
    if (!name) continue;
    const parts = name.trim().split(/\s+/).filter((p) => p.length > 1);
    // The full name, then the given name alone (how people write their own name in a message).
    for (const candidate of [parts.join(' '), parts.slice(-2).join(' '), parts.at(-1) ?? ''].filter((c) => c.length > 1)) {
      out = replaceFolded(out, candidate, '[tên]');
    }
  }
  return out.replace(NAME_AFTER_CUE, (_m, before: string, cue: string) => `${before}${cue} [tên]`);
}

/** Replaces whole-word occurrences of `needle`, with or without diacritics, in any case. */
function replaceFolded(text: string, needle: string, by: string): string {
  const target = foldVietnamese(needle);
  const words = text.split(/(\s+)/);
  const n = target.split(' ').length;
  for (let i = 0; i < words.length; i += 2) {
    const span = words.slice(i, i + 2 * n - 1).join('');
    const bare = foldVietnamese(span.replace(/[^\p{L}\s]/gu, ''));
    if (bare === target && /^[\p{L}\s]+$/u.test(span.replace(/[.,!?;:]$/, ''))) {
      const trailing = /[.,!?;:]$/.exec(span)?.[0] ?? '';
      words.splice(i, 2 * n - 1, by + trailing);
    }
  }
  return words.join('');
}

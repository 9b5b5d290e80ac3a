import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L, 5/S: a code read aloud, copied from paper or typed on a phone is typed right. */
const ALPHABET = '2346789ABCDEFGHJKMNPQRTUVWXYZ';

/** A random invitation code of `length` characters (8 characters: about 5·10¹¹ codes). */
export const newShortCode = (length = 8) => Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** "k7m2 qx-9a" → "K7M2QX9A"; null when it cannot be a code of this alphabet. */
export function parseShortCode(input: string, length = 8): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return code.length === length && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

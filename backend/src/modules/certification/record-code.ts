import { randomInt } from 'node:crypto';

/** Crockford's base 32: no I, L, O or U, so a code read aloud or typed from paper is unambiguous. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY_LENGTH = 11;

/** Luhn mod 32 check character: catches every single-character typo and most swaps. */
function checkChar(body: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    const addend = factor * ALPHABET.indexOf(body[i]!);
    sum += Math.floor(addend / 32) + (addend % 32);
    factor = factor === 2 ? 1 : 2;
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!;
}

const group = (s: string) => s.match(/.{1,4}/g)!.join('-');

/** A new code such as 7K3M-9QX2-HT4P: 55 random bits and a check character. */
export function newRecordCode(): string {
  let body = '';
  for (let i = 0; i < BODY_LENGTH; i++) body += ALPHABET[randomInt(32)];
  return group(body + checkChar(body));
}

/**
 * The canonical form of a code as someone typed it (any case, spaces or dashes, O for 0, I or L for 1),
 * or null when it cannot be a code: a tampered or mistyped code fails before any look-up.
 */
export function parseRecordCode(input: string): string | null {
  const plain = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (plain.length !== BODY_LENGTH + 1 || [...plain].some((c) => !ALPHABET.includes(c))) return null;
  const body = plain.slice(0, BODY_LENGTH);
  return checkChar(body) === plain[BODY_LENGTH] ? group(plain) : null;
}

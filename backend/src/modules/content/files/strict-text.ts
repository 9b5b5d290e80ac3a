/**
 * Course text files as strict UTF-8: a byte sequence that is not UTF-8 (Windows-1258, Latin-1, a
 * truncated file) is refused with its line instead of being stored as U+FFFD or mojibake. A leading
 * BOM is accepted and dropped. NUL bytes are refused too: PostgreSQL text cannot hold them.
 */
export type TextProblem = { line: number; message: string };

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. One pass. */
export function firstInvalidUtf8(buf: Uint8Array, from = 0): number {
  let i = from;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** The 1-based line of byte offset `at`. */
export function lineAtOffset(buf: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < buf.length; i++) if (buf[i] === 0x0a) line++;
  return line;
}

const BOM = [0xef, 0xbb, 0xbf];

/** Decodes `buf` as strict UTF-8 (BOM dropped), or says where it is not. */
export function decodeStrictUtf8(buf: Uint8Array): { text: string } | { problem: TextProblem } {
  const start = BOM.every((b, i) => buf[i] === b) ? 3 : 0;
  const bad = firstInvalidUtf8(buf, start);
  if (bad >= 0) {
    return { problem: { line: lineAtOffset(buf, bad), message: `not valid UTF-8 at byte ${bad} (save the file as UTF-8; Windows-1258 and other code pages are refused)` } };
  }
  const nul = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).indexOf(0, start);
  if (nul >= 0) return { problem: { line: lineAtOffset(buf, nul), message: 'contains a NUL byte, which text files cannot hold' } };
  return { text: Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8', start) };
}

export type ImageSize = { width: number; height: number };

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const sane = (width: number, height: number): ImageSize | null =>
  Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0 && width <= 10_000 && height <= 10_000 ? { width: Math.round(width), height: Math.round(height) } : null;

/**
 * A picture's width and height from the first few KB of its bytes: PNG's header, GIF's, JPEG's frame
 * header, or an SVG's `width`/`height` (plain numbers or px) or else its `viewBox`. Null when they are
 * not there; the page then simply does without.
 */
export function imageSize(head: Buffer, name: string): ImageSize | null {
  if (head.length >= 24 && head.subarray(0, 8).equals(PNG) && head.toString('latin1', 12, 16) === 'IHDR') return sane(head.readUInt32BE(16), head.readUInt32BE(20));
  if (head.length >= 10 && head.toString('latin1', 0, 4) === 'GIF8') return sane(head.readUInt16LE(6), head.readUInt16LE(8));
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xd8) return jpegSize(head);
  if (/\.svg$/i.test(name)) return svgSize(head.toString('utf8'));
  return null;
}

function jpegSize(b: Buffer): ImageSize | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    // Start-of-frame markers (not DHT C4, JPG C8, DAC CC) carry the height, then the width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return sane(b.readUInt16BE(i + 7), b.readUInt16BE(i + 5));
    i += 2 + b.readUInt16BE(i + 2);
  }
  return null;
}

function svgSize(text: string): ImageSize | null {
  const tag = /<svg\b[^>]{0,2000}>/i.exec(text)?.[0];
  if (!tag) return null;
  const attr = (key: string) => new RegExp(`\\s${key}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
  const length = (v: string | undefined) => (v && /^\s*\d+(\.\d+)?\s*(px)?\s*$/.test(v) ? parseFloat(v) : NaN);
  const fromAttributes = sane(length(attr('width')), length(attr('height')));
  if (fromAttributes) return fromAttributes;
  const box = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  return box?.length === 4 ? sane(box[2]!, box[3]!) : null;
}

import { decodeStrictUtf8, type TextProblem } from './strict-text';
import { checkSvg } from './svg-check';

/**
 * The media a course may carry: an allow-list of types, each recognised by its bytes (magic
 * numbers), never by its name alone. A `.png` that is not a PNG, a `.js`, an `.html` or an SVG that
 * could run anything is refused. Used by the content validator, the media route (again, at serve
 * time) and, through `ContentChecksService`, by the authoring studio's uploads.
 */
export type MediaKind = 'image' | 'svg' | 'audio' | 'video' | 'captions' | 'pdf';

type MediaType = { kind: MediaKind; mime: string; matches: (b: Uint8Array) => boolean };

const ascii = (b: Uint8Array, at: number, s: string) => [...s].every((ch, k) => b[at + k] === ch.charCodeAt(0));
const bytes = (b: Uint8Array, at: number, xs: number[]) => xs.every((x, k) => b[at + k] === x);
const isoBmff = (b: Uint8Array) => ascii(b, 4, 'ftyp');
const textual = () => true;

const TYPES: Record<string, MediaType> = {
  png: { kind: 'image', mime: 'image/png', matches: (b) => bytes(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { kind: 'image', mime: 'image/jpeg', matches: (b) => bytes(b, 0, [0xff, 0xd8, 0xff]) },
  jpeg: { kind: 'image', mime: 'image/jpeg', matches: (b) => bytes(b, 0, [0xff, 0xd8, 0xff]) },
  gif: { kind: 'image', mime: 'image/gif', matches: (b) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a') },
  webp: { kind: 'image', mime: 'image/webp', matches: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP') },
  svg: { kind: 'svg', mime: 'image/svg+xml', matches: textual },
  mp3: { kind: 'audio', mime: 'audio/mpeg', matches: (b) => ascii(b, 0, 'ID3') || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0) },
  m4a: { kind: 'audio', mime: 'audio/mp4', matches: isoBmff },
  ogg: { kind: 'audio', mime: 'audio/ogg', matches: (b) => ascii(b, 0, 'OggS') },
  oga: { kind: 'audio', mime: 'audio/ogg', matches: (b) => ascii(b, 0, 'OggS') },
  wav: { kind: 'audio', mime: 'audio/wav', matches: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE') },
  mp4: { kind: 'video', mime: 'video/mp4', matches: isoBmff },
  m4v: { kind: 'video', mime: 'video/mp4', matches: isoBmff },
  webm: { kind: 'video', mime: 'video/webm', matches: (b) => bytes(b, 0, [0x1a, 0x45, 0xdf, 0xa3]) },
  ogv: { kind: 'video', mime: 'video/ogg', matches: (b) => ascii(b, 0, 'OggS') },
  vtt: { kind: 'captions', mime: 'text/vtt; charset=utf-8', matches: textual },
  pdf: { kind: 'pdf', mime: 'application/pdf', matches: (b) => ascii(b, 0, '%PDF-') },
};

export const MEDIA_EXTENSIONS = Object.keys(TYPES);

/** Bytes per file by kind. Text-like kinds are read whole to be checked, so they stay small. */
export type MediaLimits = Record<MediaKind, number>;
export const DEFAULT_MEDIA_LIMITS: MediaLimits = {
  image: 5 * 1024 * 1024,
  svg: 512 * 1024,
  audio: 50 * 1024 * 1024,
  video: 300 * 1024 * 1024,
  captions: 512 * 1024,
  pdf: 20 * 1024 * 1024,
};

/** How many leading bytes a binary kind needs to be recognised; SVG and captions are read whole. */
export const MEDIA_HEAD_BYTES = 64;

export const mediaTypeOf = (name: string): { kind: MediaKind; mime: string } | null => {
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const t = Object.hasOwn(TYPES, ext) ? TYPES[ext] : undefined;
  return t ? { kind: t.kind, mime: t.mime } : null;
};

/** Whether this kind must be read whole to be checked. */
export const checkedWhole = (kind: MediaKind) => kind === 'svg' || kind === 'captions';

export type MediaVerdict = { kind: MediaKind | null; mime: string | null; problems: TextProblem[] };

/**
 * Checks one media file. `data` is the whole file, or for binary kinds at least its first
 * MEDIA_HEAD_BYTES; `size` is the file's full size when `data` is only its head.
 */
export function validateMediaFile(data: Uint8Array, name: string, options: { size?: number; limits?: MediaLimits } = {}): MediaVerdict {
  const type = mediaTypeOf(name);
  if (!type) {
    return { kind: null, mime: null, problems: [{ line: 1, message: `media type not allowed; use one of ${MEDIA_EXTENSIONS.map((e) => `.${e}`).join(' ')}` }] };
  }
  const verdict = (problems: TextProblem[]): MediaVerdict => ({ kind: type.kind, mime: type.mime, problems });
  const size = options.size ?? data.length;
  const limit = (options.limits ?? DEFAULT_MEDIA_LIMITS)[type.kind];
  if (size > limit) return verdict([{ line: 1, message: `file is ${size} bytes; ${type.kind} files may be at most ${limit} bytes` }]);
  if (size === 0) return verdict([{ line: 1, message: 'file is empty' }]);
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (!TYPES[ext]!.matches(data)) return verdict([{ line: 1, message: `content is not ${type.mime.split(';')[0]} (the bytes do not match the .${ext} name)` }]);
  if (checkedWhole(type.kind)) {
    if (data.length < size) return verdict([{ line: 1, message: 'file must be read whole to be checked' }]);
    const decoded = decodeStrictUtf8(data);
    if ('problem' in decoded) return verdict([decoded.problem]);
    if (type.kind === 'captions') {
      return verdict(/^WEBVTT(?:[ \t].*)?(?:\r?\n|$)/.test(decoded.text) ? [] : [{ line: 1, message: 'captions must be WebVTT (the file starts with WEBVTT)' }]);
    }
    return verdict(checkSvg(decoded.text));
  }
  return verdict([]);
}

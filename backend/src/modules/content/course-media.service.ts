import { Inject, Injectable } from '@nestjs/common';
import type { Stats } from 'node:fs';
import { lstat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { notFound } from '../../common/errors/app-exception';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { openRegularFile } from './files/content-tree';
import { MEDIA_FILE } from './files/course-reader';
import { imageSize, type ImageSize } from './files/image-size';
import { checkedWhole, DEFAULT_MEDIA_LIMITS, MEDIA_HEAD_BYTES, mediaTypeOf, validateMediaFile } from './files/media-check';

/** A media file opened for serving: its bytes (a range of them) and the headers it must carry. */
export type OpenedMedia = { stream: Readable; status: 200 | 206; headers: Record<string, string> };

/**
 * Course media for the public media route, checked again as it is served (the folder may have
 * changed since the import): a plain name, no link anywhere on the way (lstat of each folder, the
 * file opened with O_NOFOLLOW | O_NONBLOCK), a type of the allow-list whose bytes match, and
 * headers that keep it inert: `nosniff`, a sandboxing CSP, and SVG and PDF as downloads, so that
 * even an SVG opened on its own can never run on the platform's origin.
 */
@Injectable()
export class CourseMediaService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async open(courseSlug: string, name: string, range: string | undefined): Promise<OpenedMedia | { status: 416; headers: Record<string, string> }> {
    const type = mediaTypeOf(name);
    if (!MEDIA_FILE.test(name) || !type) throw notFound('File');
    const root = this.config.contentDir;
    for (const dir of ['courses', `courses/${courseSlug}`, `courses/${courseSlug}/media`]) {
      const st = await lstat(path.join(root, dir)).catch(() => null);
      if (!st?.isDirectory()) throw notFound('File');
    }
    let handle: FileHandle;
    let stats: Stats;
    try {
      ({ handle, stats } = await openRegularFile(path.join(root, 'courses', courseSlug, 'media', name)));
    } catch {
      throw notFound('File');
    }
    try {
      // Never read more than the kind allows: a file grown after the import is refused unread.
      if (stats.size > DEFAULT_MEDIA_LIMITS[type.kind]) throw notFound('File');
      const whole = checkedWhole(type.kind);
      const headLength = whole ? stats.size : Math.min(stats.size, MEDIA_HEAD_BYTES);
      const head = Buffer.alloc(headLength);
      if (headLength > 0) await handle.read(head, 0, headLength, 0);
      if (validateMediaFile(head, name, { size: stats.size }).problems.length > 0) throw notFound('File');
      const headers: Record<string, string> = {
        'content-type': type.mime,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        'cross-origin-resource-policy': 'same-origin',
        'content-disposition': `${type.kind === 'svg' || type.kind === 'pdf' ? 'attachment' : 'inline'}; filename="${name}"`,
        'cache-control': 'public, max-age=86400',
        'accept-ranges': 'bytes',
        'last-modified': stats.mtime.toUTCString(),
      };
      const wanted = parseRange(range, stats.size);
      if (wanted === 'unsatisfiable') {
        await handle.close();
        return { status: 416, headers: { 'content-range': `bytes */${stats.size}` } };
      }
      const [start, end] = wanted ?? [0, stats.size - 1];
      headers['content-length'] = String(Math.max(0, end - start + 1));
      if (wanted) headers['content-range'] = `bytes ${start}-${end}/${stats.size}`;
      // The stream owns the handle from here and closes it.
      const stream = handle.createReadStream({ start, end: Math.max(start, end), autoClose: true });
      return { stream, status: wanted ? 206 : 200, headers };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  /** A picture's width and height from its first 4 KB (checked as for serving), or null when it cannot be read or told. */
  async imageSize(courseSlug: string, name: string): Promise<ImageSize | null> {
    const opened = await this.open(courseSlug, name, 'bytes=0-4095').catch(() => null);
    if (!opened || !('stream' in opened)) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
    return imageSize(Buffer.concat(chunks), name);
  }
}

/** One `bytes=a-b` range (what video players send); several ranges are answered whole. */
function parseRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? 'unsatisfiable' : [start, end];
}

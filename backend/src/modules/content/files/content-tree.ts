import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { checkedWhole, DEFAULT_MEDIA_LIMITS, MEDIA_HEAD_BYTES, type MediaLimits, mediaTypeOf } from './media-check';
import type { Problem, ProblemSink } from './problems';
import { decodeStrictUtf8 } from './strict-text';

/** Size limits of a content folder; tests and the studio may pass smaller ones. */
export type ContentLimits = {
  /** Each YAML, Markdown or GIFT file. */
  textFileBytes: number;
  /** Each lesson: the API renders it, so it stays well below the text limit. */
  lessonBytes: number;
  media: MediaLimits;
  /** Every file of one course together. */
  courseBytes: number;
  filesPerCourse: number;
  /** Folder nesting under content/. */
  depth: number;
};

export const DEFAULT_LIMITS: ContentLimits = {
  textFileBytes: 1024 * 1024,
  lessonBytes: 256 * 1024,
  media: DEFAULT_MEDIA_LIMITS,
  courseBytes: 1024 * 1024 * 1024,
  filesPerCourse: 2000,
  depth: 8,
};

/** Opens a regular file without following a symlink and without blocking on a FIFO or a device. */
export async function openRegularFile(full: string): Promise<{ handle: FileHandle; stats: Stats }> {
  const handle = await open(full, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
    return { handle, stats };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/** Reads at most `limit` bytes from the start of an open file. */
async function readHead(handle: FileHandle, limit: number): Promise<Buffer> {
  const buf = Buffer.alloc(limit);
  let got = 0;
  while (got < limit) {
    const { bytesRead } = await handle.read(buf, got, limit - got, got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buf.subarray(0, got);
}

/** SHA-256 of a whole open file, read in chunks (each read gives the event loop back). */
async function digestOf(handle: FileHandle, head: Buffer, size: number): Promise<string> {
  const hash = createHash('sha256').update(head);
  const chunk = Buffer.alloc(1024 * 1024);
  for (let at = head.length; at < size; ) {
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, at);
    if (bytesRead === 0) break;
    hash.update(chunk.subarray(0, bytesRead));
    at += bytesRead;
  }
  return hash.digest('hex');
}

const kindOf = (st: Stats) =>
  st.isSymbolicLink() ? 'a symbolic link' : st.isFIFO() ? 'a FIFO (named pipe)' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'not a regular file';

const TEXT = /\.(ya?ml|md|gift)$/i;

export type TreeFile = {
  size: number;
  digest: string;
  /** The whole file for text files and whole-checked media; the first bytes for other media. */
  data: Buffer;
  complete: boolean;
};

/**
 * A snapshot of content/: every regular file with its size, digest and bytes (text files and small
 * media whole, big media by their head). Nothing is followed: a symlink, FIFO, socket or device
 * anywhere is a problem with its path, found by lstat before any open, and files are opened with
 * O_NOFOLLOW | O_NONBLOCK and checked again with fstat, so nothing can hang or leave the folder.
 * All I/O is asynchronous, so the API keeps answering while an import reads.
 */
export class ContentTree {
  private constructor(
    readonly root: string,
    readonly files: ReadonlyMap<string, TreeFile>,
    private readonly dirs: ReadonlySet<string>,
    /** Entries that exist but were refused (links, devices, too big): reported once, never "missing". */
    readonly refused: ReadonlySet<string>,
    readonly problems: Problem[],
    readonly limits: ContentLimits,
  ) {}

  static async load(root: string, limits: ContentLimits = DEFAULT_LIMITS): Promise<ContentTree> {
    const files = new Map<string, TreeFile>();
    const dirs = new Set<string>(['']);
    const refused = new Set<string>();
    const problems: Problem[] = [];
    const add = (file: string, message: string): void => {
      problems.push({ file, line: 1, message });
    };
    let base: string;
    try {
      // The configured folder itself may be a link (a deployment's choice); nothing under it may.
      base = await realpath(root);
    } catch (err) {
      add('.', `content folder cannot be read: ${(err as Error).message}`);
      return new ContentTree(root, files, dirs, refused, problems, limits);
    }
    const courseOf = (rel: string) => (rel.startsWith('courses/') ? rel.split('/').slice(0, 2).join('/') : null);
    const perCourse = new Map<string, { bytes: number; files: number }>();

    const walk = async (rel: string, depth: number): Promise<void> => {
      if (depth > limits.depth) return add(rel, `folders are nested more than ${limits.depth} deep`);
      let names: string[];
      try {
        names = (await readdir(path.join(base, rel))).sort();
      } catch (err) {
        return add(rel || '.', `folder cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      for (const name of names) {
        const childRel = rel ? `${rel}/${name}` : name;
        const full = path.join(base, childRel);
        let st: Stats;
        try {
          st = await lstat(full);
        } catch (err) {
          add(childRel, `cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
          continue;
        }
        if (st.isDirectory()) {
          dirs.add(childRel);
          await walk(childRel, depth + 1);
        } else if (!st.isFile()) {
          refused.add(childRel);
          add(childRel, `is ${kindOf(st)}; only regular files and folders are allowed (nothing is followed)`);
        } else {
          const course = courseOf(childRel);
          if (course) {
            const c = perCourse.get(course) ?? { bytes: 0, files: 0 };
            c.bytes += st.size;
            c.files += 1;
            perCourse.set(course, c);
            if (c.files > limits.filesPerCourse) {
              if (c.files === limits.filesPerCourse + 1) add(`${course}/course.yaml`, `the course has more than ${limits.filesPerCourse} files`);
              continue;
            }
            if (c.bytes > limits.courseBytes) {
              if (c.bytes - st.size <= limits.courseBytes) add(`${course}/course.yaml`, `the course's files exceed ${limits.courseBytes} bytes together`);
              continue;
            }
          }
          const file = await readFile(full, childRel, st.size);
          if (typeof file === 'string') {
            refused.add(childRel);
            add(childRel, file);
          }
          else files.set(childRel, file);
        }
      }
    };

    const readFile = async (full: string, rel: string, size: number): Promise<TreeFile | string> => {
      const media = mediaTypeOf(rel);
      const textLike = TEXT.test(rel) || !media;
      if (textLike && size > limits.textFileBytes) return `file is ${size} bytes; text files may be at most ${limits.textFileBytes} bytes`;
      if (media && size > limits.media[media.kind]) return `file is ${size} bytes; ${media.kind} files may be at most ${limits.media[media.kind]} bytes`;
      let opened: Awaited<ReturnType<typeof openRegularFile>>;
      try {
        opened = await openRegularFile(full);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        return code === 'ELOOP' ? 'is a symbolic link; links are not followed' : code === 'ENOTREG' ? 'is not a regular file' : `cannot be read: ${code ?? (err as Error).message}`;
      }
      const { handle, stats } = opened;
      try {
        // The size as opened, not as listed: a file that grew in between is judged as it is now.
        const whole = textLike || (media !== null && checkedWhole(media.kind));
        const cap = whole ? (textLike ? limits.textFileBytes : limits.media[media!.kind]) + 1 : MEDIA_HEAD_BYTES;
        const data = await readHead(handle, Math.min(cap, Math.max(stats.size, MEDIA_HEAD_BYTES)));
        if (whole && data.length >= cap) return `file is larger than ${cap - 1} bytes`;
        const digest = whole ? createHash('sha256').update(data).digest('hex') : await digestOf(handle, data, stats.size);
        return { size: stats.size, digest, data, complete: whole || data.length >= stats.size };
      } finally {
        await handle.close();
      }
    };

    // Only what the readers use: the reference data under content/ is read by its own importer.
    for (const top of ['framework', 'courses']) {
      const st = await lstat(path.join(base, top)).catch(() => null);
      if (!st) continue;
      if (!st.isDirectory()) add(top, `is ${kindOf(st)}; only regular files and folders are allowed (nothing is followed)`);
      else {
        dirs.add(top);
        await walk(top, 1);
      }
    }
    await yieldToLoop();
    return new ContentTree(base, files, dirs, refused, problems, limits);
  }

  /** A text file as strict UTF-8 (BOM dropped), or null with the problem in `sink`; null also when absent. */
  text(rel: string, sink: ProblemSink): string | null {
    const file = this.files.get(rel);
    if (!file) return null;
    const decoded = decodeStrictUtf8(file.data);
    if ('problem' in decoded) {
      sink.add(decoded.problem.line, decoded.problem.message);
      return null;
    }
    return decoded.text;
  }

  has(rel: string): boolean {
    return this.files.has(rel);
  }

  isDir(rel: string): boolean {
    return this.dirs.has(rel);
  }

  /** The folders directly under `rel`. */
  subdirs(rel: string): string[] {
    const prefix = `${rel}/`;
    return [...this.dirs].filter((d) => d.startsWith(prefix) && !d.slice(prefix.length).includes('/')).map((d) => d.slice(prefix.length)).sort();
  }

  /** The refused entries under `rel`. */
  refusedUnder(rel: string): string[] {
    const prefix = `${rel}/`;
    return [...this.refused].filter((f) => f.startsWith(prefix)).sort();
  }

  /** Every file under `rel` (recursively), sorted, as paths relative to content/. */
  filesUnder(rel: string): string[] {
    const prefix = `${rel}/`;
    return [...this.files.keys()].filter((f) => f.startsWith(prefix)).sort();
  }
}

import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
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
  /** The whole file for text files and whole-checked media; the first bytes for other media (empty once released). */
  data: Buffer;
};

/**
 * A snapshot of content/: every regular file with its size, digest and bytes (text files and small
 * media whole, big media by their head). Nothing is followed: a symlink, FIFO, socket or device
 * anywhere is a problem with its path, found by lstat before any open, and files are opened with
 * O_NOFOLLOW | O_NONBLOCK and checked again with fstat, so nothing can hang or leave the folder.
 * All I/O is asynchronous, so the API keeps answering while an import reads. `load` lists the
 * folder; each part's bytes are read by `read(prefix)` and dropped by `release(prefix)`, so memory
 * holds one course's files at a time.
 */
export class ContentTree {
  private readonly fileMap = new Map<string, TreeFile>();
  private readonly dirs = new Set<string>(['']);
  private readonly refusedSet = new Set<string>();
  /** Regular files listed but not read yet. */
  private readonly pending = new Map<string, string>();
  readonly problems: Problem[] = [];

  private constructor(
    readonly root: string,
    readonly limits: ContentLimits,
  ) {}

  get files(): ReadonlyMap<string, TreeFile> {
    return this.fileMap;
  }

  /** Entries that exist but were refused (links, devices, too big): reported once, never "missing". */
  get refused(): ReadonlySet<string> {
    return this.refusedSet;
  }

  /** Lists `framework/` and `courses/` under `root` (only what the readers use: reference data has its own importer). */
  static async load(root: string, limits: ContentLimits = DEFAULT_LIMITS): Promise<ContentTree> {
    let base: string;
    try {
      // The configured folder itself may be a link (a deployment's choice); nothing under it may.
      base = await realpath(root);
    } catch (err) {
      const tree = new ContentTree(root, limits);
      tree.refuse('.', `content folder cannot be read: ${(err as Error).message}`);
      return tree;
    }
    const tree = new ContentTree(base, limits);
    for (const top of ['framework', 'courses']) {
      const st = await lstat(path.join(base, top)).catch(() => null);
      if (!st) continue;
      if (!st.isDirectory()) tree.refuse(top, `is ${kindOf(st)}; only regular files and folders are allowed (nothing is followed)`);
      else {
        tree.dirs.add(top);
        await tree.walk(top, 1, new Map());
      }
    }
    return tree;
  }

  private refuse(rel: string, message: string): void {
    this.refusedSet.add(rel);
    this.problems.push({ file: rel, line: 1, message });
  }

  private async walk(rel: string, depth: number, perCourse: Map<string, { bytes: number; files: number }>): Promise<void> {
    const { limits } = this;
    if (depth > limits.depth) return this.refuse(rel, `folders are nested more than ${limits.depth} deep`);
    let names: string[];
    try {
      names = (await readdir(path.join(this.root, rel))).sort();
    } catch (err) {
      return this.refuse(rel, `folder cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    for (const name of names) {
      const childRel = `${rel}/${name}`;
      const full = path.join(this.root, childRel);
      let st: Stats;
      try {
        st = await lstat(full);
      } catch (err) {
        this.refuse(childRel, `cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
        continue;
      }
      // Files and folders of one course count together, so no course can make the walk endless.
      const course = depth >= 2 && childRel.startsWith('courses/') ? childRel.split('/').slice(0, 2).join('/') : null;
      const counted = course ? (perCourse.get(course) ?? { bytes: 0, files: 0 }) : null;
      if (course && counted) {
        perCourse.set(course, counted);
        counted.files += 1;
        if (counted.files > limits.filesPerCourse) {
          if (counted.files === limits.filesPerCourse + 1) this.problems.push({ file: `${course}/course.yaml`, line: 1, message: `the course has more than ${limits.filesPerCourse} files and folders` });
          this.refusedSet.add(childRel);
          continue;
        }
      }
      if (st.isDirectory()) {
        this.dirs.add(childRel);
        await this.walk(childRel, depth + 1, perCourse);
        continue;
      }
      if (!st.isFile()) {
        this.refuse(childRel, `is ${kindOf(st)}; only regular files and folders are allowed (nothing is followed)`);
        continue;
      }
      if (course && counted) {
        const c = counted;
        c.bytes += st.size;
        if (c.bytes > limits.courseBytes) {
          if (c.bytes - st.size <= limits.courseBytes) this.problems.push({ file: `${course}/course.yaml`, line: 1, message: `the course's files exceed ${limits.courseBytes} bytes together` });
          this.refusedSet.add(childRel);
          continue;
        }
      }
      const tooBig = this.sizeProblem(childRel, st.size);
      if (tooBig) this.refuse(childRel, tooBig);
      else this.pending.set(childRel, full);
    }
  }

  private sizeProblem(rel: string, size: number): string | null {
    const media = mediaTypeOf(rel);
    const textLike = TEXT.test(rel) || !media;
    if (textLike && size > this.limits.textFileBytes) return `file is ${size} bytes; text files may be at most ${this.limits.textFileBytes} bytes`;
    if (media && size > this.limits.media[media.kind]) return `file is ${size} bytes; ${media.kind} files may be at most ${this.limits.media[media.kind]} bytes`;
    return null;
  }

  /** Reads the bytes of every listed file under `prefix` (a folder relative to content/). */
  async read(prefix: string): Promise<void> {
    for (const [rel, full] of [...this.pending].filter(([f]) => f.startsWith(`${prefix}/`))) {
      this.pending.delete(rel);
      const file = await this.readFile(full, rel);
      if (typeof file === 'string') this.refuse(rel, file);
      else this.fileMap.set(rel, file);
    }
  }

  private async readFile(full: string, rel: string): Promise<TreeFile | string> {
    const media = mediaTypeOf(rel);
    const textLike = TEXT.test(rel) || !media;
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
      const tooBig = this.sizeProblem(rel, stats.size);
      if (tooBig) return tooBig;
      const whole = textLike || (media !== null && checkedWhole(media.kind));
      const cap = whole ? (textLike ? this.limits.textFileBytes : this.limits.media[media!.kind]) + 1 : MEDIA_HEAD_BYTES;
      const data = await readHead(handle, Math.min(cap, Math.max(stats.size, MEDIA_HEAD_BYTES)));
      if (whole && data.length >= cap) return `file is larger than ${cap - 1} bytes`;
      const digest = whole ? createHash('sha256').update(data).digest('hex') : await digestOf(handle, data, stats.size);
      return { size: stats.size, digest, data };
    } finally {
      await handle.close();
    }
  }

  /** Drops the bytes of the files under `prefix` once they are parsed (sizes and digests stay). */
  release(prefix: string): void {
    for (const f of this.filesUnder(prefix)) this.fileMap.get(f)!.data = Buffer.alloc(0);
  }

  /** A text file as strict UTF-8 (BOM dropped), or null with the problem in `sink`; null also when absent. */
  text(rel: string, sink: ProblemSink): string | null {
    const file = this.fileMap.get(rel);
    if (!file) return null;
    const decoded = decodeStrictUtf8(file.data);
    if ('problem' in decoded) {
      sink.add(decoded.problem.line, decoded.problem.message);
      return null;
    }
    return decoded.text;
  }

  has(rel: string): boolean {
    return this.fileMap.has(rel);
  }

  /** The folders directly under `rel`. */
  subdirs(rel: string): string[] {
    const prefix = `${rel}/`;
    return [...this.dirs].filter((d) => d.startsWith(prefix) && !d.slice(prefix.length).includes('/')).map((d) => d.slice(prefix.length)).sort();
  }

  /** The refused entries under `rel`. */
  refusedUnder(rel: string): string[] {
    const prefix = `${rel}/`;
    return [...this.refusedSet].filter((f) => f.startsWith(prefix)).sort();
  }

  /** Every file under `rel` (recursively) that was read, sorted, as paths relative to content/. */
  filesUnder(rel: string): string[] {
    const prefix = `${rel}/`;
    return [...this.fileMap.keys()].filter((f) => f.startsWith(prefix)).sort();
  }

  /** Every regular file listed under `rel`, read or not yet (the course-level files of courses/ included). */
  listedUnder(rel: string): string[] {
    const prefix = `${rel}/`;
    return [...this.fileMap.keys(), ...this.pending.keys()].filter((f) => f.startsWith(prefix)).sort();
  }
}

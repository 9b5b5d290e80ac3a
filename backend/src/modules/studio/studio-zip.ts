import { zipSync } from 'fflate';
import { crc32, inflateRawSync } from 'node:zlib';

/** What a course zip may hold: entries, bytes once unpacked, and how much one entry may expand. */
export type ZipLimits = { entries: number; totalBytes: number; ratio: number };

export class ZipRefused extends Error {}

const refuse = (message: string): never => {
  throw new ZipRefused(message);
};

/** Entries that are the packer's litter, not the course (macOS resource forks and folder settings). */
const litter = (name: string) => name.startsWith('__MACOSX/') || /(^|\/)(\.DS_Store|\._[^/]*)$/.test(name);

const S_IFMT = 0o170000;
const REGULAR = 0o100000;
const DIRECTORY = 0o040000;
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The files of a zip, read from its central directory and refused whole at the first thing that is
 * not a plain file of a plain folder: an absolute or `..` path, a backslash, a link or device, an
 * encrypted or zip64 entry, a method other than store/deflate, a name used twice, more entries or
 * more bytes than allowed, an entry expanding more than `ratio` times, or data that does not match
 * the sizes and checksums it declares. Inflating stops at the declared size (zlib's
 * `maxOutputLength`), so a lying entry costs no more than an honest one.
 */
export function readZip(zip: Uint8Array, limits: ZipLimits): Map<string, Buffer> {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) refuse('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) refuse('zip64 archives are not accepted');
  if (count > limits.entries) refuse(`the zip has ${count} entries; at most ${limits.entries} are accepted`);
  if (cdOffset + cdSize > eocd) refuse('the zip is damaged (central directory)');
  const files = new Map<string, Buffer>();
  let total = 0;
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || buf.readUInt32LE(at) !== 0x02014b50) refuse('the zip is damaged (central directory)');
    const madeBy = buf.readUInt16LE(at + 4) >> 8;
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const packed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const mode = buf.readUInt32LE(at + 38) >>> 16;
    const local = buf.readUInt32LE(at + 42);
    let name: string;
    try {
      name = decoder.decode(buf.subarray(at + 46, at + 46 + nameLength));
    } catch {
      return refuse('an entry name is not UTF-8');
    }
    at = next;
    if (name.includes('\\')) refuse(`${name}: backslashes are not accepted in paths`);
    if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\0')) refuse(`${name}: absolute paths are not accepted`);
    if (name.split('/').some((part) => part === '..' || part === '.')) refuse(`${name}: paths leaving the folder (..) are not accepted`);
    // Unix hosts record the file type: only regular files and folders (a link could point anywhere).
    if (madeBy === 3 && mode !== 0 && (mode & S_IFMT) !== REGULAR && (mode & S_IFMT) !== DIRECTORY) {
      refuse(`${name}: ${(mode & S_IFMT) === 0o120000 ? 'symbolic links' : 'special files'} are not accepted`);
    }
    if (flags & 1) refuse(`${name}: encrypted entries are not accepted`);
    if (name.endsWith('/') || litter(name)) continue;
    if (method !== 0 && method !== 8) refuse(`${name}: compression method ${method} is not accepted (store or deflate only)`);
    if (packed === 0xffffffff || size === 0xffffffff) refuse('zip64 archives are not accepted');
    total += size;
    if (total > limits.totalBytes) refuse(`the zip unpacks to more than ${limits.totalBytes} bytes`);
    if (size > 64 * 1024 && size > packed * limits.ratio) refuse(`${name}: expands ${Math.round(size / Math.max(1, packed))} times; at most ${limits.ratio} is accepted (zip bomb)`);
    if (files.has(name)) refuse(`${name}: the name is used twice`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) refuse(`${name}: the zip is damaged (local header)`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + packed > buf.length) refuse(`${name}: the zip is damaged (data)`);
    const raw = buf.subarray(start, start + packed);
    let data: Buffer;
    try {
      data = method === 0 ? Buffer.from(raw) : size === 0 ? Buffer.alloc(0) : inflateRawSync(raw, { maxOutputLength: size });
    } catch {
      return refuse(`${name}: the data is larger than declared or damaged`);
    }
    if (data.length !== size || crc32(data) !== crc) refuse(`${name}: the data does not match its declared size or checksum`);
    files.set(name, data);
  }
  return files;
}

/** A zip of the files (path → bytes) with a fixed date, so the same course gives the same bytes. */
export function writeZip(files: Map<string, Uint8Array>): Uint8Array {
  const mtime = new Date('2026-01-01T00:00:00Z');
  return zipSync(Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, data]) => [name, [data, { mtime }]])), { level: 6 });
}

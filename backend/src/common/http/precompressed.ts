import type { FastifyReply } from 'fastify';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Below this a compressed answer saves less than the round trip costs the server (about one TCP packet). */
export const COMPRESS_THRESHOLD_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The encoding to send for an `Accept-Encoding` header: Brotli, else gzip, never one refused with `q=0`. */
export function acceptedEncoding(header: string | undefined): Encoding | null {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p))) accepted.add(name.trim());
  }
  if (accepted.has('br') || accepted.has('*')) return 'br';
  return accepted.has('gzip') || accepted.has('x-gzip') ? 'gzip' : null;
}

/**
 * A response body that is sent many times unchanged (a lesson page of one course version): compressed
 * once per encoding, the first time a client asks for it, off the event loop and at the strongest
 * setting (Brotli 11, gzip 9), instead of at every request as `@fastify/compress` does for other answers.
 */
export class PrecompressedBody {
  private readonly encoded: Partial<Record<Encoding, Promise<Buffer>>> = {};

  constructor(readonly raw: Buffer) {}

  /** The bytes for this request, with `Content-Encoding` and `Vary` set on the reply. */
  async send(reply: FastifyReply, acceptEncoding: string | undefined): Promise<Buffer> {
    void reply.header('Vary', 'Accept-Encoding');
    const encoding = this.raw.length >= COMPRESS_THRESHOLD_BYTES ? acceptedEncoding(acceptEncoding) : null;
    if (!encoding) return this.raw;
    const body = await (this.encoded[encoding] ??= this.compress(encoding));
    void reply.header('Content-Encoding', encoding);
    return body;
  }

  private compress(encoding: Encoding): Promise<Buffer> {
    const done = encoding === 'br'
      ? brotli(this.raw, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: this.raw.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
      : gzipAsync(this.raw, { level: 9 });
    // A failure is not kept: the next request tries again.
    return done.catch((err: unknown) => {
      delete this.encoded[encoding];
      throw err;
    });
  }
}

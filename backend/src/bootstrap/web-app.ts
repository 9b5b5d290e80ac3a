import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { constants } from 'node:zlib';
import { acceptedEncoding, COMPRESS_THRESHOLD_BYTES } from '../common/http/precompressed';

/**
 * Brotli or gzip for dynamic text answers (JSON, the API docs) above the threshold. Brotli at quality 4
 * compresses JSON about as well as gzip 9 at a fraction of quality 11's CPU; built files are compressed
 * once at build time (`frontend/vite.config.ts`) and sent as they are; lesson pages once per version
 * (`PrecompressedBody`).
 */
export async function compressResponses(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCompress, {
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
    // Uploads are JSON and small; nothing the API reads arrives compressed.
    globalDecompression: false,
  });
}

/** Files whose names change with their content: cached for a year. The service worker must always be checked. */
const HASHED = `${path.sep}assets${path.sep}`;
const NEVER_CACHED = new Set(['sw.js', 'index.html']);

/**
 * The built React app at `/`: each built file with its `.br`/`.gz` twin written at build time, and
 * index.html (kept in memory in its three encodings) for every other non-API GET (client-side routes).
 */
export async function serveWebApp(app: NestFastifyApplication, dist: string, isApiPath: (url: string) => boolean): Promise<void> {
  if (!existsSync(path.join(dist, 'index.html'))) return;
  // One route per built file (listed once at start): API requests never touch the file system.
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    index: false,
    decorateReply: false,
    preCompressed: true,
    maxAge: '1h',
    allowedPath: (pathname: string) => !/\.(br|gz)$/.test(pathname),
    // `file` is the twin that was sent (`sw.js.br`).
    setHeaders: (reply: FastifyReply, file: string) => {
      if (file.includes(HASHED)) void reply.header('Cache-Control', 'public, max-age=31536000, immutable');
      else if (NEVER_CACHED.has(path.basename(file).replace(/\.(br|gz)$/, ''))) void reply.header('Cache-Control', 'no-cache');
    },
  });
  const index = indexHtml(dist);
  app.getHttpAdapter().getInstance().get('/*', (req: FastifyRequest, reply: FastifyReply) => {
    if (isApiPath(req.url)) return reply.callNotFound();
    const preferred = acceptedEncoding(req.headers['accept-encoding']);
    const encoding = preferred && index[preferred] ? preferred : undefined;
    void reply.header('Cache-Control', 'no-cache').header('Vary', 'Accept-Encoding').type('text/html; charset=utf-8');
    if (encoding) void reply.header('Content-Encoding', encoding);
    return reply.send(index[encoding ?? 'identity']);
  });
}

function indexHtml(dist: string): { identity: Buffer; br?: Buffer; gzip?: Buffer } {
  const file = path.join(dist, 'index.html');
  const twin = (ext: string) => (existsSync(`${file}.${ext}`) ? readFileSync(`${file}.${ext}`) : undefined);
  return { identity: readFileSync(file), br: twin('br'), gzip: twin('gz') };
}

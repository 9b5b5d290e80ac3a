import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { constants } from 'node:zlib';
import { COMPRESS_THRESHOLD_BYTES, PrecompressedBody } from '../common/http/precompressed';

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
 * index.html (kept in memory, compressed once) for every other non-API GET (client-side routes).
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
  const pages = pageShells(dist);
  app.getHttpAdapter().getInstance().get('/*', (req: FastifyRequest, reply: FastifyReply) => {
    if (isApiPath(req.url)) return reply.callNotFound();
    void reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8');
    return pages(req.url).send(reply, req.headers['accept-encoding']);
  });
}

type RoutePreload = { path: string; files: string[] };

/**
 * index.html for an address, with `<link rel="modulepreload">` for the chunks of the page at that address
 * (`route-preloads.json`, written by the web app's build): they download alongside the entry instead of
 * one round trip after it. One body per page, compressed once.
 */
function pageShells(dist: string): (url: string) => PrecompressedBody {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const plain = new PrecompressedBody(Buffer.from(html));
  const listFile = path.join(dist, 'route-preloads.json');
  const routes = existsSync(listFile) ? (JSON.parse(readFileSync(listFile, 'utf8')) as RoutePreload[]) : [];
  const shells = new Map<string, PrecompressedBody>();
  const matchers = routes
    .filter((r) => r.path !== '*' && r.files.length > 0)
    .map((r) => {
      const links = r.files.filter((f) => /^\/assets\/[\w.-]+\.js$/.test(f)).map((f) => `<link rel="modulepreload" crossorigin href="${f}">`).join('');
      if (!shells.has(links)) shells.set(links, new PrecompressedBody(Buffer.from(html.replace('</head>', `${links}</head>`))));
      const pattern = new RegExp(`^${r.path.split('/').map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}/?$`);
      return { pattern, shell: shells.get(links)! };
    });
  return (url) => matchers.find((m) => m.pattern.test(url.split('?')[0]!))?.shell ?? plain;
}

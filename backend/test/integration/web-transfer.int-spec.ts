import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../support/test-app';

/** A built web app in miniature, with the compressed twins the build writes (frontend/scripts/precompress.mjs). */
function fakeDist(): { dir: string; script: string; html: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'bdhvs-dist-'));
  mkdirSync(path.join(dir, 'assets'));
  const script = `console.log(${JSON.stringify('Bình dân học vụ số '.repeat(200))});`;
  const html = `<!doctype html><html lang="vi"><head><title>Bình dân học vụ số</title></head><body><div id="root"></div>${'<!-- padding -->'.repeat(80)}</body></html>`;
  const write = (name: string, text: string, twins = true) => {
    writeFileSync(path.join(dir, name), text);
    if (!twins) return;
    writeFileSync(path.join(dir, `${name}.br`), brotliCompressSync(text));
    writeFileSync(path.join(dir, `${name}.gz`), gzipSync(text));
  };
  write('assets/index-AbC123.js', script);
  write('index.html', html);
  write('sw.js', script);
  write('robots.txt', 'User-agent: *\nDisallow: /api/\n', false);
  return { dir, script, html };
}

describe('what the server sends over a weak connection', () => {
  let t: TestApp;
  let dist: ReturnType<typeof fakeDist>;
  const get = (url: string, acceptEncoding?: string) =>
    t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  beforeAll(async () => {
    dist = fakeDist();
    t = await startTestApp({ WEB_DIST: dist.dir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist.dir, { recursive: true, force: true });
  });

  it('sends built files as their Brotli or gzip twin, hashed ones cached for a year', async () => {
    const br = await get('/assets/index-AbC123.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(dist.script);

    const gz = await get('/assets/index-AbC123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(dist.script);

    const plain = await get('/assets/index-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(dist.script);

    // The twins themselves are not addressable.
    expect((await get('/assets/index-AbC123.js.br')).statusCode).toBe(404);
  });

  it('never lets a browser keep the service worker or the page shell without asking again', async () => {
    const sw = await get('/sw.js', 'br');
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.headers['content-encoding']).toBe('br');
    const page = await get('/khoa-hoc/an-toan', 'gzip, br');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(dist.html);
    expect(gunzipSync((await get('/dang-nhap', 'gzip')).rawPayload).toString()).toBe(dist.html);
  });

  it('answers /robots.txt with the robots file, not the app', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain('Disallow: /api/');
  });

  it('compresses JSON above the threshold and leaves small answers alone', async () => {
    const big = await get('/api/units/provinces', 'gzip, deflate, br');
    expect(big.statusCode).toBe(200);
    expect(big.headers['content-encoding']).toBe('br');
    expect(big.headers.vary).toMatch(/accept-encoding/i);
    const provinces = JSON.parse(brotliDecompressSync(big.rawPayload).toString()) as unknown[];
    expect(provinces).toHaveLength(34);
    expect(big.rawPayload.length).toBeLessThan(JSON.stringify(provinces).length / 2);
    expect(JSON.parse(gunzipSync((await get('/api/units/provinces', 'gzip')).rawPayload).toString())).toEqual(provinces);

    const small = await get('/api/health', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ status: 'ok' });
    // Errors keep their shape and the security headers stay on compressed answers.
    expect(big.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

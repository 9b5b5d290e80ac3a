import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { CookieAccessInfo } from 'cookiejar';
import { ContentImportService } from '../../src/modules/content/content-import.service';
import { makeContent } from '../support/content-fixture';
import { createUser, loginAs, unitsOf } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

/** A course whose lesson page is well above the compression threshold. */
const LONG_LESSON: Record<string, string> = {
  'course.yaml': `title: Bài dài
summary: Một bài học dài để kiểm tra việc nén.
targetGroups: [citizen]
competencies:
  - { code: '4.2', level: 1 }
estimatedMinutes: 10
ordering: free
lessons:
  - 01-bai-dai.md
`,
  'lessons/01-bai-dai.md': `---
title: Bài dài
competencies: ['4.2']
estimatedMinutes: 10
---
${'Không bấm vào đường link trong tin nhắn lạ, kể cả khi tin nhắn xưng là ngân hàng. '.repeat(60)}

![Tin nhắn lừa đảo](../media/tin-nhan.svg)
`,
  'media/tin-nhan.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20" width="40" height="20"><rect width="40" height="20" fill="#0b5394"/></svg>',
};

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
  // What the web app's build writes: each address pattern's own chunks, for the server to name in the HTML.
  write('route-preloads.json', JSON.stringify([{ path: '/khoa-hoc/:slug', files: ['/assets/catalogue-Xy1.js', '/assets/api-Zz9.js'] }, { path: '*', files: ['/assets/not-found-Q.js'] }]), false);
  return { dir, script, html };
}

describe('what the server sends over a weak connection', () => {
  let t: TestApp;
  let dist: ReturnType<typeof fakeDist>;
  let content: ReturnType<typeof makeContent>;
  const get = (url: string, acceptEncoding?: string) =>
    t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  beforeAll(async () => {
    dist = fakeDist();
    content = makeContent({ 'bai-dai': LONG_LESSON });
    t = await startTestApp({ WEB_DIST: dist.dir, CONTENT_DIR: content.dir });
    await t.app.get(ContentImportService).importDirectory(content.dir);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist.dir, { recursive: true, force: true });
    content.cleanup();
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
    // The page's own code is named in the HTML, to come with the entry rather than a round trip later.
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(
      dist.html.replace('</head>', '<link rel="modulepreload" crossorigin href="/assets/catalogue-Xy1.js"><link rel="modulepreload" crossorigin href="/assets/api-Zz9.js"></head>'),
    );
    expect(gunzipSync((await get('/dang-nhap', 'gzip')).rawPayload).toString()).toBe(dist.html);
    expect(brotliDecompressSync((await get('/khong-co-trang-nay', 'br')).rawPayload).toString()).toBe(dist.html);
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

  it('sends a lesson page compressed, in the encoding the browser takes, with what changes when it is done', async () => {
    const { communes } = await unitsOf(t.dataSource, '01');
    const c = await loginAs(t, (await createUser(t, { commune: communes[0]! })).phone);
    await c.post('/api/courses/bai-dai/enrolment').expect(201);
    const cookie = c.agent.jar.getCookies(CookieAccessInfo.All).toValueString();
    const lesson = (acceptEncoding?: string) =>
      t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/courses/bai-dai/lessons/01-bai-dai', headers: { cookie, ...(acceptEncoding && { 'accept-encoding': acceptEncoding }) } });

    const plain = await lesson();
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const page = plain.json<{ title: string; done: boolean; html: string }>();
    expect(page).toMatchObject({ title: 'Bài dài', done: false });
    // The picture carries its size, so the page does not move when it arrives.
    expect(page.html).toContain('src="/api/courses/bai-dai/media/tin-nhan.svg" alt="Tin nhắn lừa đảo" loading="lazy" width="40" height="20"');
    expect(plain.rawPayload.length).toBeGreaterThan(4_000);

    for (let i = 0; i < 2; i++) {
      const br = await lesson('gzip, deflate, br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(br.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(page);
      expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 5);
    }
    // A browser that refuses Brotli (q=0) gets gzip.
    const gz = await lesson('br;q=0, gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(page);

    // Done: the compressed page says so too (one body per lesson and done-ness).
    await c.put('/api/courses/bai-dai/lessons/01-bai-dai/completion', {}).expect(200);
    const after = await lesson('br');
    expect(JSON.parse(brotliDecompressSync(after.rawPayload).toString())).toMatchObject({ title: 'Bài dài', done: true });
  });
});

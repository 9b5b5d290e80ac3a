import { ContentImportService } from '../../src/modules/content/content-import.service';
import { plainText } from '../../src/modules/learning/lesson-renderer';
import { LEARNING_COURSE, makeContent } from '../support/content-fixture';
import { createUser, loginAs, unitsOf } from '../support/factories';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

const LESSON = '/api/courses/hoc-thu/lessons/01-mat-khau';

describe('lessons read aloud (espeak-ng, made by a job, kept per version of the words)', () => {
  let t: TestApp;
  let content: ReturnType<typeof makeContent>;

  beforeAll(async () => {
    content = makeContent({ 'hoc-thu': LEARNING_COURSE });
    t = await startTestApp({ CONTENT_DIR: content.dir });
    await t.app.get(ContentImportService).importDirectory(content.dir);
  });
  afterAll(async () => {
    await t.close();
    content.cleanup();
  });

  async function learner(): Promise<TestClient> {
    const { communes } = await unitsOf(t.dataSource, '01');
    const c = await loginAs(t, (await createUser(t, { commune: communes[0]! })).phone);
    await c.post('/api/courses/hoc-thu/enrolment').expect(201);
    return c;
  }

  async function whenReady(c: TestClient, url: string): Promise<{ status: string; src: string }> {
    for (let i = 0; i < 100; i++) {
      const res = (await c.get(url).expect(200)).body as { status: string; src: string };
      if (res.status !== 'preparing') return res;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('audio never became ready');
  }

  it('answers "preparing", makes the MP3 once in a job, then serves it to learners who may open the lesson', async () => {
    const c = await learner();
    expect((await c.get(`${LESSON}/audio`).expect(200)).body).toEqual({ status: 'preparing', src: null });
    const ready = await whenReady(c, `${LESSON}/audio`);
    expect(ready).toEqual({ status: 'ready', src: expect.stringMatching(/^\/api\/courses\/hoc-thu\/lessons\/01-mat-khau\/audio\/[0-9a-f]{64}\.mp3$/) });

    const mp3 = await c.agent.get(ready.src).buffer(true).parse((res, done) => {
      const parts: Buffer[] = [];
      res.on('data', (b: Buffer) => parts.push(b));
      res.on('end', () => done(null, Buffer.concat(parts)));
    }).expect(200);
    expect(mp3.headers['content-type']).toBe('audio/mpeg');
    expect(mp3.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    const bytes = mp3.body as Buffer;
    // An MPEG audio frame header (11 sync bits), and a few seconds of speech at 24 kbit/s.
    expect(bytes[0]).toBe(0xff);
    expect(bytes[1]! & 0xe0).toBe(0xe0);
    expect(bytes.length).toBeGreaterThan(3_000);

    // Another learner gets the same file: one row per version of the words.
    const other = await learner();
    expect((await other.get(`${LESSON}/audio`).expect(200)).body).toEqual(ready);
    expect(await t.dataSource.query('SELECT 1 FROM lesson_audio')).toHaveLength(1);
  });

  it('keeps the audio of a locked lesson, and of a course not enrolled in, from the learner', async () => {
    const c = await learner();
    expect((await c.get('/api/courses/hoc-thu/lessons/02-otp/audio').expect(403)).body.code).toBe('LESSON_LOCKED');
    const { communes } = await unitsOf(t.dataSource, '01');
    const stranger = await loginAs(t, (await createUser(t, { commune: communes[0]! })).phone);
    expect((await stranger.get(`${LESSON}/audio`).expect(403)).body.code).toBe('NOT_ENROLLED');
    expect((await stranger.get(`${LESSON}/audio/${'a'.repeat(64)}.mp3`).expect(403)).body.code).toBe('NOT_ENROLLED');
    expect((await c.get(`${LESSON}/audio/evil.mp3`).expect(400)).body.details).toEqual([{ field: 'file', message: 'file must be <sha-256>.mp3' }]);
  });

  it('speaks the words of the lesson: no markup, pictures by their alternative text', () => {
    expect(plainText('<p>Dùng <strong>cụm từ dài</strong> &amp; khác nhau.</p><p><img src="/x.svg" alt="Ô nhập mật khẩu"></p>')).toBe('Dùng cụm từ dài & khác nhau.\n Ô nhập mật khẩu.');
  });
});

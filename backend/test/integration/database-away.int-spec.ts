import { SessionCache } from '../../src/modules/auth/session-cache';
import { ContentImportService } from '../../src/modules/content/content-import.service';
import { LEARNING_COURSE, makeContent } from '../support/content-fixture';
import { createUser, loginAs, unitsOf } from '../support/factories';
import { TcpProxy } from '../support/tcp-proxy';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { TEST_PG_URL } from '../support/test-env';

const COURSE = '/api/courses/hoc-thu';

/**
 * The database going away under a running API (a restart, a failover): requests answer 503 with
 * Retry-After in the common error format, never a hang nor a 500, and the API recovers by itself.
 */
describe('the database away', () => {
  let t: TestApp;
  let content: ReturnType<typeof makeContent>;
  let relay: TcpProxy;
  let c: TestClient;
  let userId: string;

  beforeAll(async () => {
    const pg = new URL(TEST_PG_URL);
    relay = new TcpProxy({ host: pg.hostname, port: Number(pg.port || 5432) });
    await relay.up();
    content = makeContent({ 'hoc-thu': LEARNING_COURSE });
    t = await startTestApp({ CONTENT_DIR: content.dir }, {
      databaseUrl: (url) => Object.assign(new URL(url), { host: `127.0.0.1:${relay.port}` }).toString(),
    });
    await t.app.get(ContentImportService).importDirectory(content.dir);
    const { communes } = await unitsOf(t.dataSource, '01');
    const user = await createUser(t, { commune: communes[0]! });
    userId = user.id;
    c = await loginAs(t, user.phone);
    await c.post(`${COURSE}/enrolment`).expect(201);
  });
  afterAll(async () => {
    await relay.up();
    await t.close();
    await relay.down();
    content.cleanup();
  });

  it('answers 503 with Retry-After while the database is away, and serves again once it is back', async () => {
    await c.get('/api/me/learning').expect(200);
    await relay.down();
    const answers = [
      await c.get('/api/me/learning'),
      await c.put(`${COURSE}/lessons/01-mat-khau/completion`, {}),
      await c.get(`${COURSE}/progress`),
      await c.post(`${COURSE}/quizzes/kiem-tra/attempts`),
    ];
    for (const res of answers) {
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('3');
      expect(res.body).toEqual({ code: 'SERVICE_UNAVAILABLE', message: expect.any(String), requestId: expect.any(String) });
      expect(res.text).not.toMatch(/at \w+ \(|ECONNREFUSED|5432|stack/);
    }
    expect((await c.get('/api/ready')).status).toBe(503);

    await relay.up();
    // The pool opens new connections by itself: the first request after the return is served.
    await c.put(`${COURSE}/lessons/01-mat-khau/completion`, {}).expect(200);
    expect((await c.get(`${COURSE}/progress`).expect(200)).body.lessons[0]).toMatchObject({ slug: '01-mat-khau', done: true });
    await c.get('/api/ready').expect(200);
  });

  it('answers 503, not "sign in", when the session itself cannot be read, so the phone keeps its unsent work', async () => {
    // A session this process has not cached: the guard must read it from the database.
    await t.app.get(SessionCache).forget(userId);
    await relay.down();
    try {
      const res = await c.get('/api/me/learning');
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await relay.up();
    }
    await c.get('/api/me/learning').expect(200);
  });
});

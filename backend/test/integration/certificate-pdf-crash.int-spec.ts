import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { REPO_ROOT } from '../../src/config/config';
import { JobWorkers } from '../../src/jobs/job-workers';
import { createUser, loginAs, unitsOf } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const WORKER = path.join(REPO_ROOT, 'backend', 'dist', 'backend', 'src', 'worker.js');

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, seconds = 30): Promise<T> {
  for (let i = 0; i < seconds * 10; i++) {
    const value = await probe();
    if (value) return value;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * A worker process dies (SIGKILL) in the middle of rendering a certificate: after rendering, while
 * storing. Another worker takes the job over once the dead one's lock runs out, and the record ends
 * with exactly one file.
 */
describe('certificate PDF job across a worker crash', () => {
  let t: TestApp;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run build first (npm test does)`);
    // The API only enqueues; the workers are separate processes, as in production.
    t = await startTestApp({ WORKER_IN_API: 'false', JOB_LOCK_SECONDS: '2' });
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await t.close();
  });

  it('renders exactly one file after the first worker is killed mid-job', async () => {
    const db = (t.config.database as { url: string }).url;
    await t.dataSource.query(`UPDATE certification_policies SET required_courses = '{}', min_overall_score = 0, min_domain_score = 0`);
    const { communes } = await unitsOf(t.dataSource, '01');
    const user = await createUser(t, { commune: communes[0]! });
    const c = await loginAs(t, user.phone);
    const attempt = (await c.post('/api/self-assessment/attempts').expect(201)).body as { id: string; competencies: { code: string }[] };
    await c.post(`/api/self-assessment/attempts/${attempt.id}/submission`, { ratings: Object.fromEntries(attempt.competencies.map((x) => [x.code, 2])), answers: {} }).expect(200);
    const record = ((await c.post('/api/certification/claim').expect(200)).body as { record: { id: string } }).record;

    // Hold the record's row so the first worker blocks exactly where it stores the file.
    const holder = new Client({ connectionString: db });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM completion_records WHERE id = $1 FOR UPDATE', [record.id]);

    const cfg = t.config;
    worker = spawn(process.execPath, [WORKER], {
      env: {
        ...process.env, NODE_ENV: 'test', DATABASE_URL: db, REDIS_URL: cfg.redis!.url, QUEUE_PREFIX: cfg.redis!.prefix, JOB_LOCK_SECONDS: '2',
        SESSION_SECRET: cfg.sessionSecret, DATA_ENCRYPTION_KEY: cfg.dataEncryptionKey.toString('base64'), CREDENTIAL_SIGNING_KEY: cfg.credentialSigningKey,
        MIGRATE_ON_BOOT: 'false', SEED_DEMO: 'false', LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    });
    const dbName = new URL(db).pathname.slice(1);
    await until('the worker to block while storing the PDF', async () => {
      // Asked outside the holder's transaction: inside it, pg_stat_activity would be a frozen snapshot.
      const rows: unknown[] = await t.dataSource.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND query ILIKE '%certificate_files%'`, [dbName]);
      return rows.length > 0;
    });
    const exited = new Promise((resolve) => worker!.once('exit', resolve));
    worker.kill('SIGKILL');
    await exited;
    await holder.query('ROLLBACK');
    await holder.end();

    const files = () => t.dataSource.query('SELECT sha256, content FROM certificate_files WHERE record_id = $1', [record.id]) as Promise<{ sha256: string; content: Buffer }[]>;
    expect(await files()).toHaveLength(0);
    expect((await t.dataSource.query('SELECT pdf_status FROM completion_records WHERE id = $1', [record.id]))[0].pdf_status).toBe('pending');

    // A second worker (here, in this process) takes the stalled job over.
    t.app.get(JobWorkers).start(t.config.redis!);
    await until('the PDF to be ready', async () => (await t.dataSource.query('SELECT pdf_status FROM completion_records WHERE id = $1', [record.id]))[0].pdf_status === 'ready');
    const stored = await files();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    const download = await c.get(`/api/me/records/${record.id}/certificate.pdf`).buffer(true).expect(200);
    expect((download.body as Buffer).equals(stored[0]!.content)).toBe(true);
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { strFromU8, unzipSync } from 'fflate';
import { Client } from 'pg';
import { REPO_ROOT } from '../../../src/config/config';
import { JobWorkers } from '../../../src/jobs/job-workers';
import { EnrolmentsService } from '../../../src/modules/learning/enrolments.service';
import type { AdminUnit } from '../../../src/modules/units/entities/admin-unit.entity';
import { createUser, loginAs, unitsOf } from '../../support/factories';
import { startTestApp, type TestApp, type TestClient } from '../../support/test-app';

const WORKER = path.join(REPO_ROOT, 'backend', 'dist', 'backend', 'src', 'worker.js');

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, seconds = 30): Promise<T> {
  for (let i = 0; i < seconds * 10; i++) {
    const value = await probe();
    if (value) return value;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The cells of an xlsx sheet as rows of text, read from the package's XML. */
function sheetRows(xlsx: Buffer, sheet: number): string[][] {
  const xml = strFromU8(unzipSync(new Uint8Array(xlsx))[`xl/worksheets/sheet${sheet}.xml`]!);
  return [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((r) => [...r[1]!.matchAll(/<c [^>]*?(?:\/>|>(?:<is><t[^>]*>(.*?)<\/t><\/is>|<v>(.*?)<\/v>)<\/c>)/g)].map((c) => c[1] ?? c[2] ?? ''));
}

describe('exports', () => {
  let t: TestApp;
  let a: AdminUnit;
  let province: TestClient;
  let commune: TestClient;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    // The API only enqueues; workers are separate processes, as in production.
    t = await startTestApp({ WORKER_IN_API: 'false', JOB_LOCK_SECONDS: '2' });
    const hanoi = await unitsOf(t.dataSource, '01');
    a = hanoi.communes[0]!;
    const [course] = (await t.dataSource.query(`SELECT slug FROM courses WHERE archived_at IS NULL ORDER BY slug LIMIT 1`)) as [{ slug: string }];
    for (let i = 0; i < 7; i++) await t.app.get(EnrolmentsService).enrol((await createUser(t, { commune: a, fullName: `Trần Thị Thử ${i + 1}` })).id, course.slug);
    const home = (await unitsOf(t.dataSource, '04')).communes[0]!;
    province = await loginAs(t, (await createUser(t, { commune: home, role: 'admin', scope: { level: 'province', unitId: hanoi.province.id } })).phone);
    commune = await loginAs(t, (await createUser(t, { commune: home, role: 'admin', scope: { level: 'commune', unitId: hanoi.communes[1]!.id } })).phone);
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await t.close();
  });

  it('builds the province’s commune table as XLSX across a worker killed mid-job; the numbers match the screen', async () => {
    const { id } = (await province.post('/api/admin/reporting/exports', { source: 'cohort', format: 'xlsx', query: {} }).expect(202)).body as { id: string };
    await commune.get(`/api/admin/reporting/exports/${id}`).expect(404);
    await province.get(`/api/admin/reporting/exports/${id}/file`).expect(409);

    // Hold the export's row so the first worker blocks as it starts, then kill it.
    const db = (t.config.database as { url: string }).url;
    const holder = new Client({ connectionString: db });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM reporting_exports WHERE id = $1 FOR UPDATE', [id]);
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
    await until('the worker to block on the export', async () =>
      ((await t.dataSource.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND query ILIKE '%reporting_exports%'`, [dbName])) as unknown[]).length > 0);
    const exited = new Promise((resolve) => worker!.once('exit', resolve));
    worker.kill('SIGKILL');
    await exited;
    await holder.query('ROLLBACK');
    await holder.end();

    // Another worker (here, in this process) takes the stalled job over.
    t.app.get(JobWorkers).start(t.config.redis!);
    const done = await until('the export to be ready', async () => {
      const s = (await province.get(`/api/admin/reporting/exports/${id}`).expect(200)).body as { status: string; progress: number; fileName: string };
      return s.status === 'done' && s;
    });
    expect(done).toMatchObject({ progress: 100, fileName: expect.stringMatching(/\.xlsx$/) });
    const res = await province.get(`/api/admin/reporting/exports/${id}/file`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const screen = (await province.get('/api/admin/reporting/cohort').expect(200)).body as { children: { unit: { name: string }; measures: { registered: number | null; enrolled: number | null } }[] };
    const units = sheetRows(res.body as Buffer, 2);
    expect(units[0]!.slice(0, 3)).toEqual(['Đơn vị', 'Đã đăng ký', 'Lượt ghi danh']);
    const row = units.find((r) => r[0] === a.name)!;
    const shown = screen.children.find((c) => c.unit.name === a.name)!.measures;
    expect([Number(row[1]), Number(row[2])]).toEqual([shown.registered, shown.enrolled]);
    expect(shown.registered).toBe(7);
    const audit = (await t.dataSource.query(`SELECT type FROM audit_events WHERE type LIKE 'reporting.export%' ORDER BY occurred_at`)) as { type: string }[];
    expect(audit.map((x) => x.type)).toEqual(['reporting.export_requested', 'reporting.export_downloaded']);
  });

  it('exports the person list as CSV with its Vietnamese intact, only inside the scope', async () => {
    await commune.post('/api/admin/reporting/exports', { source: 'people', format: 'csv', query: { unitId: a.id } }).expect(404);
    await province.post('/api/admin/reporting/exports', { source: 'people', format: 'pdf' }).expect(400);
    const { id } = (await province.post('/api/admin/reporting/exports', { source: 'people', format: 'csv', query: { unitId: a.id } }).expect(202)).body as { id: string };
    await until('the CSV', async () => ((await province.get(`/api/admin/reporting/exports/${id}`).expect(200)).body as { status: string }).status === 'done');
    const res = await province.get(`/api/admin/reporting/exports/${id}/file`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('"Họ và tên","Địa bàn","Nhóm đối tượng","Khóa học đã ghi danh","Khóa học đã hoàn thành","Bài học đã hoàn thành","Có giấy xác nhận","Hoạt động gần nhất"');
    expect(lines).toHaveLength(8);
    expect(lines[1]).toContain('"Trần Thị Thử 1"');
  });

  it('exports a person list longer than one chunk whole, in commune then name order, each person once, as CSV and XLSX', async () => {
    const hanoi = await unitsOf(t.dataSource, '01');
    // 5,150 people in one commune (more than a chunk of 5,000, some without a name) and 60 in another, beside commune A's 7.
    for (const [commune, count] of [[hanoi.communes[1]!, 5150], [hanoi.communes[2]!, 60]] as const) {
      await t.dataSource.query(`
        INSERT INTO users (id, full_name, birth_year, target_group, unit_id, province_id, status, consent_version, consent_at)
        SELECT gen_random_uuid(), CASE WHEN g % 500 = 0 THEN NULL ELSE 'Người học ' || lpad((g * 7919 % $1)::text, 5, '0') END, 1980, 'citizen', $2, $3, 'active', 'test', now()
          FROM generate_series(1, $1) g`, [count, commune.id, hanoi.province.id]);
    }
    const expected = ((await t.dataSource.query(`
      SELECT coalesce(u.full_name, '') AS name FROM users u JOIN admin_units unit ON unit.id = u.unit_id
       WHERE u.province_id = $1 AND u.status <> 'deleted' ORDER BY unit.name, unit.id, coalesce(u.full_name, ''), u.id`, [hanoi.province.id])) as { name: string }[]).map((r) => r.name);
    expect(expected).toHaveLength(7 + 5150 + 60);
    const download = async (format: 'csv' | 'xlsx') => {
      const { id } = (await province.post('/api/admin/reporting/exports', { source: 'people', format, query: {} }).expect(202)).body as { id: string };
      const done = await until(`the ${format}`, async () => {
        const x = (await province.get(`/api/admin/reporting/exports/${id}`).expect(200)).body as { status: string; rowCount: number };
        return x.status === 'done' && x;
      }, 60);
      expect(done.rowCount).toBe(expected.length);
      return (await province.get(`/api/admin/reporting/exports/${id}/file`).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      }).expect(200)).body as Buffer;
    };
    const csv = (await download('csv')).subarray(3).toString('utf8').trim().split('\r\n').slice(1);
    expect(csv.map((line) => JSON.parse(line.slice(0, line.indexOf('",') + 1)) as string)).toEqual(expected);
    const xlsx = sheetRows(await download('xlsx'), 1).slice(1);
    expect(xlsx.map((r) => r[0])).toEqual(expected);
  });
});

// The reporting benchmark (not a test). Run: npm run bench:reporting -- [--learners 20000] [--events 10] [--writes 2000] [--seconds 5] [--keep]
//
// Small by default: this machine is shared. The national size is --learners 1000000 --events 10.
// 1. Creates bdhvs_bench_reporting (--keep: reuses it when it was seeded at the same size, so a re-run takes seconds),
//    boots the built API (migrations, units, courses), then seeds with set-based SQL: learners spread over every
//    commune, their learning events (the roll-up trigger counts them as they are inserted), and three administrators
//    (nation, a province, one of its communes) with sessions.
// 2. Write cost: complete_lessons for learners enrolled this month, one at a time on one connection; PostgreSQL's
//    function timings split each write between the write functions and the roll-up trigger.
// 3. Dashboard: autocannon, 20 connections, GET /api/admin/reporting/cohort at each scope, with the cache off
//    (REPORTING_CACHE_SECONDS=0) and on (60 s, a second API process), while learners keep writing lesson completions
//    on two connections; beside it the ceiling, a bare primary-key lookup on a roll-up from 20 pg connections.
// 4. Exports through the real job route: the province's commune table (XLSX) and a person list of at least 100,000
//    rows (the whole nation, or one target group when that is smaller), as CSV and XLSX.
// Everything is printed as one table on stdout; progress lines go to stderr.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const API_MAIN = path.join(ROOT, 'backend/dist/backend/src/main.js');
const { values: opts } = parseArgs({
  options: {
    learners: { type: 'string', default: '20000' },
    events: { type: 'string', default: '10' },
    writes: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
  },
});
const LEARNERS = Number(opts.learners);
const EVENTS = Number(opts.events);
const WRITES = Number(opts.writes);
const SECONDS = Number(opts.seconds);
const CONNECTIONS = 20;
const PG = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DB = 'bdhvs_bench_reporting';
const DB_URL = `${PG}/${DB}`;
const PORT = Number(process.env.BENCH_PORT ?? 3115);
const CACHED_PORT = PORT + 1;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const started = Date.now();
const log = (...a) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const UID_SQL = (n) => `('00000000-0000-4000-8000-' || lpad((${n})::text, 12, '0'))::uuid`;
const uid = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const tokenHash = (t) => createHash('sha256').update(t).digest();

/** True when --keep finds the database seeded at this size; otherwise (re)creates it empty. */
async function prepareDatabase() {
  const admin = new pg.Client({ connectionString: `${PG}/postgres` });
  await admin.connect();
  try {
    if (opts.keep && (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB])).rowCount) {
      const db = new pg.Client({ connectionString: DB_URL });
      await db.connect();
      const seeded = await db.query('SELECT learners, events FROM bench_seeded').then((r) => r.rows[0], () => null);
      await db.end();
      if (seeded?.learners === LEARNERS && seeded?.events === EVENTS) return true;
    }
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB}`);
    return false;
  } finally {
    await admin.end();
  }
}

const SECRETS = {
  SESSION_SECRET: randomBytes(32).toString('base64url'), DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  CREDENTIAL_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};

/** The built API: `port` with the dashboard cache off (and the export worker, and migrations), or on. */
function startApi(port, cacheSeconds) {
  return spawn(process.execPath, [API_MAIN], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env, ...SECRETS, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: DB_URL, SEED_DEMO: 'false',
      MIGRATE_ON_BOOT: String(cacheSeconds === 0), WORKER_IN_API: String(cacheSeconds === 0), REDIS_URL, QUEUE_PREFIX: `bdhvs-bench-reporting-${port}`,
      REPORTING_CACHE_SECONDS: String(cacheSeconds), LOG_LEVEL: 'warn', COOKIE_SECURE: 'false', RATE_LIMIT_PER_MINUTE: '100000000', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000000', DB_POOL_SIZE: '8',
    },
  });
}

async function ready(child, port) {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error('the API exited');
    if (await fetch(`http://127.0.0.1:${port}/api/ready`).then((r) => r.ok, () => false)) return;
    await sleep(250);
  }
  throw new Error('the API did not become ready');
}

/** An export through the job route as an administrator: seconds from asking to done, its rows and bytes. */
async function timeExport(scope, body) {
  const sid = `sid=bench-${scope}`;
  const base = `http://127.0.0.1:${PORT}/api`;
  const csrf = (await fetch(`${base}/auth/csrf`, { headers: { cookie: sid } })).headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('csrf_token='));
  const t0 = Date.now();
  const res = await fetch(`${base}/admin/reporting/exports`, {
    method: 'POST', body: JSON.stringify(body),
    headers: { cookie: `${sid}; ${csrf}`, 'x-csrf-token': csrf.slice('csrf_token='.length), 'content-type': 'application/json' },
  });
  if (res.status !== 202) throw new Error(`export: ${res.status} ${await res.text()}`);
  const { id } = await res.json();
  for (;;) {
    const x = await (await fetch(`${base}/admin/reporting/exports/${id}`, { headers: { cookie: sid } })).json();
    if (x.status === 'failed') throw new Error(`export ${JSON.stringify(body)} failed`);
    if (x.status === 'done') {
      const seconds = (Date.now() - t0) / 1000;
      const file = await fetch(`${base}/admin/reporting/exports/${id}/file`, { headers: { cookie: sid } });
      return { seconds, rows: x.rowCount, bytes: (await file.arrayBuffer()).byteLength };
    }
    await sleep(200);
  }
}

const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function seed(q) {
  log(`seeding ${LEARNERS} learners and ${LEARNERS * EVENTS} learning events`);
  // Learners round-robin over the communes (one array lookup a row, not a scan of the units per row).
  await q(`
    WITH c AS (SELECT array_agg(id ORDER BY code) AS ids, array_agg(parent_id ORDER BY code) AS provinces FROM admin_units WHERE level = 'commune')
    INSERT INTO users (id, full_name, birth_year, target_group, unit_id, province_id, status, consent_version, consent_at)
    SELECT ${UID_SQL('g')}, 'Người học ' || g, 1950 + (g % 55), (ARRAY['public_servant','student','worker','citizen'])[1 + g % 4],
           c.ids[1 + (g::bigint * 7919) % cardinality(c.ids)], c.provinces[1 + (g::bigint * 7919) % cardinality(c.ids)], 'active', 'bench', now()
      FROM c, generate_series(1, $1) g`, [LEARNERS]);
  log('  learners');
  const courses = await q(`SELECT c.id FROM courses c WHERE c.archived_at IS NULL ORDER BY c.slug`);
  // Events in batches of 100,000 learners' worth, spread over the last twelve months; the trigger counts each statement
  // (its first-enrolment check reads ix_learning_events_enrolled).
  for (let from = 1; from <= LEARNERS; from += 100_000) {
    const to = Math.min(LEARNERS, from + 99_999);
    await q(`
      INSERT INTO learning_events (user_id, type, course_id, occurred_at, unit_id, province_id, organisation_id, target_group, framework_version, age_band)
      SELECT u.id, (ARRAY['enrolled','lesson_completed','lesson_completed','lesson_completed','quiz_submitted','course_completed'])[1 + (k % 6)],
             c.id, now() - make_interval(days => ((u.birth_year * 31 + k * 17) % 365)), u.unit_id, u.province_id, NULL, u.target_group, fv.version,
             age_band(u.birth_year, now())
        FROM users u CROSS JOIN generate_series(1, $3) k
        JOIN courses c ON c.id = ($4::uuid[])[1 + (k % cardinality($4::uuid[]))]
        JOIN framework_versions fv ON fv.id = c.framework_version_id
       WHERE u.id BETWEEN ${UID_SQL('$1')} AND ${UID_SQL('$2')}`, [from, to, EVENTS, courses.map((c) => c.id)]);
    log(`  events of learners ${from}–${to}`);
  }
  // Administrators: the nation, the province of learner 1, and learner 1's commune.
  const [first] = await q(`SELECT unit_id, province_id FROM users WHERE id = $1`, [uid(1)]);
  let n = LEARNERS + 10;
  for (const [unit, level] of [[null, 'nation'], [first.province_id, 'province'], [first.unit_id, 'commune']]) {
    n += 1;
    await q(`INSERT INTO users (id, full_name, target_group, unit_id, province_id, role, scope_level, scope_unit_id, status, consent_version, consent_at)
             VALUES ($1, 'Quản trị', 'public_servant', $2, $3, 'admin', $4, $5, 'active', 'bench', now())`, [uid(n), first.unit_id, first.province_id, level, unit]);
  }
  await q('VACUUM ANALYZE');
  await q('CREATE TABLE bench_seeded AS SELECT $1::int AS learners, $2::int AS events', [LEARNERS, EVENTS]);
}

/** `count` new learners of learner 1's commune, enrolled this month in the first course: each can complete its lessons. */
async function writers(q, course, count) {
  const [{ next }] = await q(`SELECT count(*)::int + $1::int + 100 AS next FROM users WHERE full_name = 'Người ghi'`, [LEARNERS]);
  const [first] = await q(`SELECT unit_id, province_id FROM users WHERE id = $1`, [uid(1)]);
  await q(`INSERT INTO users (id, full_name, birth_year, target_group, unit_id, province_id, status, consent_version, consent_at)
           SELECT ${UID_SQL('$1::int + g')}, 'Người ghi', 1980, 'citizen', $2, $3, 'active', 'bench', now() FROM generate_series(1, $4) g`, [next, first.unit_id, first.province_id, count]);
  await q(`INSERT INTO enrolments (user_id, course_id) SELECT ${UID_SQL('$1::int + g')}, $2 FROM generate_series(1, $3) g`, [next, course.id, count]);
  await q(`SELECT append_learning_events(array_agg(${UID_SQL('$1::int + g')}), 'enrolled', array_agg($2::uuid), NULL, NULL, NULL, NULL, NULL, array_agg(now()))
             FROM generate_series(1, $3) g`, [next, course.id, count]);
  return Array.from({ length: count }, (_, k) => uid(next + 1 + k));
}

/** Lesson completions on `connections` connections until `stop()` says so: the learners' write load beside the reads. */
function writeLoad(db, course, people, connections) {
  let running = true;
  const lat = [];
  const started = Date.now();
  const done = Promise.all(Array.from({ length: connections }, async (_, w) => {
    for (let i = w; running && i < people.length * course.lessons.length; i += connections) {
      const t0 = process.hrtime.bigint();
      await db.query('SELECT * FROM complete_lessons($1, $2, $3, $4, $5)', [[people[i % people.length]], [course.slug], [course.lessons[Math.floor(i / people.length)]], [new Date()], [null]]);
      lat.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }));
  return async () => {
    running = false;
    await done;
    return { perSecond: lat.length / ((Date.now() - started) / 1000), p50: pct(lat, 50), p95: pct(lat, 95) };
  };
}

async function main() {
  const kept = await prepareDatabase();
  const api = startApi(PORT, 0);
  let cachedApi = null;
  try {
    await ready(api, PORT);
    const db = new pg.Pool({ connectionString: DB_URL, max: CONNECTIONS + 4 });
    const q = async (sql, params) => (await db.query(sql, params)).rows;
    if (kept) log(`reusing the database seeded with ${LEARNERS} learners and ${LEARNERS * EVENTS} events (--keep)`);
    else await seed(q);
    const admins = Object.fromEntries((await q(`SELECT scope_level, id FROM users WHERE role = 'admin' AND consent_version = 'bench'`)).map((r) => [r.scope_level, r.id]));
    for (const [scope, id] of Object.entries(admins)) {
      await q(`INSERT INTO sessions (token_hash, user_id, expires_at, last_seen_at) VALUES ($1, $2, now() + interval '1 day', now())
               ON CONFLICT (token_hash) DO UPDATE SET expires_at = excluded.expires_at`, [tokenHash(`bench-${scope}`), id]);
    }
    cachedApi = startApi(CACHED_PORT, 60);
    await ready(cachedApi, CACHED_PORT);
    const [course] = await q(`SELECT c.id, c.slug, array(SELECT l.slug FROM lessons l WHERE l.course_id = c.id AND l.archived_at IS NULL ORDER BY l.position) AS lessons
                                FROM courses c WHERE c.archived_at IS NULL ORDER BY c.slug LIMIT 1`);

    // ─── write cost ───
    // Learners who enrolled this month (their 'enrolled' event made them active), each completing one lesson: the
    // common case. PostgreSQL's own function timings (track_functions) split each write's time between the write
    // functions and the roll-up trigger they fire, without the noise of comparing two runs on a shared machine.
    log(`write cost: ${WRITES} lesson completions`);
    const costWriters = await writers(q, course, WRITES);
    const client = await db.connect();
    await client.query(`SET track_functions = 'all'`);
    await client.query('SELECT pg_stat_reset()');
    const wall = [];
    for (const person of costWriters) {
      const t0 = process.hrtime.bigint();
      await client.query('SELECT * FROM complete_lessons($1, $2, $3, $4, $5)', [[person], [course.slug], [course.lessons[0]], [new Date()], [null]]);
      wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    await client.query('SELECT pg_stat_force_next_flush()');
    const fn = Object.fromEntries((await client.query(`SELECT funcname, total_time FROM pg_stat_user_functions`)).rows.map((r) => [r.funcname, Number(r.total_time)]));
    client.release();
    const triggerMs = (fn.reporting_count_learning_events ?? 0) / WRITES;
    const writeMs = (fn.complete_lessons ?? 0) / WRITES - triggerMs;
    const wallMs = wall.reduce((a, b) => a + b, 0) / WRITES;

    // ─── dashboard reads, with learners writing beside them ───
    const loadWriters = await writers(q, course, WRITES);
    const reads = [];
    for (const [port, cache] of [[PORT, 'off'], [CACHED_PORT, '60 s']]) {
      for (const scope of ['nation', 'province', 'commune']) {
        const url = `http://127.0.0.1:${port}/api/admin/reporting/cohort`;
        const headers = { cookie: `sid=bench-${scope}` };
        // One request alone first: the cost of computing the answer, the least disturbed by the neighbours.
        const t0 = process.hrtime.bigint();
        const alone = await fetch(url, { headers });
        if (!alone.ok) throw new Error(`${scope}: ${alone.status}`);
        await alone.arrayBuffer();
        const aloneMs = Number(process.hrtime.bigint() - t0) / 1e6;
        const stop = writeLoad(db, course, loadWriters, 2);
        const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
        const w = await stop();
        if (r.non2xx) throw new Error(`${scope}: ${r.non2xx} answers were not 2xx`);
        reads.push({ what: `cohort, ${scope}, cache ${cache}`, aloneMs, rps: r.requests.average, p50: r.latency.p50, p95: r.latency.p97_5 ?? r.latency.p99, w });
        log(`  ${reads.at(-1).what}: p50 ${r.latency.p50} ms`);
      }
    }
    // The ceiling: one primary-key lookup on the roll-up, 20 at a time, for as long.
    const keys = await q(`SELECT unit_id, province_id, target_group, organisation_id, birth_year FROM reporting_people LIMIT 1000`);
    const lat = [];
    const end = Date.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: CONNECTIONS }, async (_, w) => {
      for (let i = w; Date.now() < end; i += CONNECTIONS) {
        const k = keys[i % keys.length];
        const t0 = process.hrtime.bigint();
        await db.query('SELECT registered FROM reporting_people WHERE unit_id = $1 AND province_id = $2 AND target_group = $3 AND organisation_id = $4 AND birth_year = $5', [k.unit_id, k.province_id, k.target_group, k.organisation_id, k.birth_year]);
        lat.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }));
    const ceiling = { rps: lat.length / SECONDS, p50: pct(lat, 50), p95: pct(lat, 95) };

    // ─── exports, through the job route ───
    log('exports');
    // At least 100,000 people: the nation, or one target group of it when that alone is large enough.
    const people = LEARNERS >= 400_000 ? { targetGroup: 'citizen' } : {};
    const exports = [
      { what: 'province commune table, XLSX', ...(await timeExport('province', { source: 'cohort', format: 'xlsx', query: {} })) },
      { what: `person list${people.targetGroup ? ' (citizens)' : ''}, CSV`, ...(await timeExport('nation', { source: 'people', format: 'csv', query: people })) },
      { what: `person list${people.targetGroup ? ' (citizens)' : ''}, XLSX`, ...(await timeExport('nation', { source: 'people', format: 'xlsx', query: people })) },
    ];
    const [{ rows: rollupRows }] = [await db.query(`SELECT (SELECT count(*) FROM reporting_learning_monthly) + (SELECT count(*) FROM reporting_active_monthly) + (SELECT count(*) FROM reporting_people) AS rows`)];
    await db.end();

    const f = (x) => x.toFixed(2);
    console.log(`\nReporting benchmark — ${LEARNERS} learners, ${LEARNERS * EVENTS} learning events, ${rollupRows[0].rows} roll-up rows, ${os.availableParallelism?.() ?? os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    console.log(`Write cost (complete_lessons, one at a time, ${WRITES} writes; PostgreSQL's function timings)`);
    console.log(`  the write itself          ${f(writeMs)} ms   (in the database; ${f(wallMs)} ms per call seen by the client)`);
    console.log(`  the roll-up trigger       ${f(triggerMs)} ms`);
    console.log(`  added by the roll-ups     ${((triggerMs / writeMs) * 100).toFixed(1)} % of the write in the database, ${((triggerMs / (wallMs - triggerMs)) * 100).toFixed(1)} % of the call   (target ≤ 15 %)\n`);
    console.log(`Dashboard, ${CONNECTIONS} concurrent administrators, ${SECONDS} s each, learners writing lesson completions on 2 connections meanwhile (p95 is autocannon's p97.5)`);
    console.log('  endpoint                          alone ms    req/s   p50 ms   p95 ms   writes/s  write p95 ms   (target p95 < 200 ms)');
    for (const r of reads) {
      console.log(`  ${r.what.padEnd(32)} ${f(r.aloneMs).padStart(9)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(8)} ${String(r.p95).padStart(8)} ${r.w.perSecond.toFixed(0).padStart(10)} ${f(r.w.p95).padStart(13)}`);
    }
    console.log(`  ceiling: roll-up PK lookup                 ${ceiling.rps.toFixed(0).padStart(8)} ${f(ceiling.p50).padStart(8)} ${f(ceiling.p95).padStart(8)}\n`);
    console.log('Exports through the job route (asking to done)   (target < 30 s)');
    console.log('  export                                 rows     MB   seconds');
    for (const x of exports) console.log(`  ${x.what.padEnd(34)} ${String(x.rows).padStart(8)} ${(x.bytes / 1e6).toFixed(1).padStart(6)} ${x.seconds.toFixed(1).padStart(9)}`);
  } finally {
    api.kill('SIGTERM');
    cachedApi?.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

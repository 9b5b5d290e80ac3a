// The reporting benchmark (not a test). Run: npm run build && node bench/reporting.mjs [--learners 20000] [--events 10] [--writes 2000] [--seconds 5]
//
// Small by default: this machine is shared. The national size is --learners 1000000 --events 10.
// 1. Creates bdhvs_bench_reporting, boots the built API once (migrations, units, courses), then seeds with
//    set-based SQL: learners spread over every commune, their learning events (the roll-up trigger counts them
//    as they are inserted), and three administrators (nation, a province, one of its communes) with sessions.
// 2. Write cost: complete_lessons for learners enrolled this month, one at a time on one connection; PostgreSQL's
//    function timings split each write between the write functions and the roll-up trigger.
// 3. Dashboard: autocannon, 20 connections, GET /api/admin/reporting/cohort at each scope; beside it the
//    ceiling, a bare primary-key lookup on a roll-up from 20 pg connections; prints p50/p95 and the ratio.
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
const started = Date.now();
const log = (...a) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const UID_SQL = (n) => `('00000000-0000-4000-8000-' || lpad((${n})::text, 12, '0'))::uuid`;
const uid = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const tokenHash = (t) => createHash('sha256').update(t).digest();

async function createDatabase() {
  const admin = new pg.Client({ connectionString: `${PG}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
}

function startApi() {
  const child = spawn(process.execPath, [API_MAIN], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(PORT), DATABASE_URL: DB_URL, MIGRATE_ON_BOOT: 'true', SEED_DEMO: 'false',
      LOG_LEVEL: 'warn', COOKIE_SECURE: 'false', RATE_LIMIT_PER_MINUTE: '100000000', DB_POOL_SIZE: '8',
      SESSION_SECRET: randomBytes(32).toString('base64url'), DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      CREDENTIAL_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
  });
  return child;
}

async function ready(child) {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error('the API exited');
    if (await fetch(`http://127.0.0.1:${PORT}/api/ready`).then((r) => r.ok, () => false)) return;
    await sleep(250);
  }
  throw new Error('the API did not become ready');
}

const pct = (xs, p) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main() {
  await createDatabase();
  const api = startApi();
  try {
    await ready(api);
    const db = new pg.Pool({ connectionString: DB_URL, max: CONNECTIONS });
    const q = async (sql, params) => (await db.query(sql, params)).rows;
    log(`seeding ${LEARNERS} learners and ${LEARNERS * EVENTS} learning events`);
    await q(`CREATE TEMP TABLE IF NOT EXISTS x (n int)`);
    await q(`
      INSERT INTO users (id, full_name, birth_year, target_group, unit_id, province_id, status, consent_version, consent_at)
      SELECT ${UID_SQL('g')}, 'Người học ' || g, 1950 + (g % 55), (ARRAY['public_servant','student','worker','citizen'])[1 + g % 4], u.id, u.parent_id, 'active', 'bench', now()
        FROM generate_series(1, $1) g
        JOIN LATERAL (SELECT id, parent_id FROM admin_units WHERE level = 'commune' ORDER BY code OFFSET (g * 7919) % (SELECT count(*) FROM admin_units WHERE level = 'commune') LIMIT 1) u ON true`, [LEARNERS]);
    const courses = await q(`SELECT c.id, c.slug, (SELECT l.slug FROM lessons l WHERE l.course_id = c.id AND l.archived_at IS NULL ORDER BY l.position LIMIT 1) AS lesson
                               FROM courses c WHERE c.archived_at IS NULL ORDER BY c.slug`);
    // Events in batches of 100,000 learners' worth, spread over the last twelve months; the trigger counts each statement.
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
    // Administrators with sessions: the nation, the province of learner 1, and learner 1's commune.
    const [first] = await q(`SELECT unit_id, province_id FROM users WHERE id = $1`, [uid(1)]);
    const admins = { nation: [null, 'nation'], province: [first.province_id, 'province'], commune: [first.unit_id, 'commune'] };
    let n = LEARNERS + 10;
    for (const [name, [unit, level]] of Object.entries(admins)) {
      n += 1;
      await q(`INSERT INTO users (id, full_name, target_group, unit_id, province_id, role, scope_level, scope_unit_id, status, consent_version, consent_at)
               VALUES ($1, 'Quản trị', 'public_servant', $2, $3, 'admin', $4, $5, 'active', 'bench', now())`, [uid(n), first.unit_id, first.province_id, level, unit]);
      await q(`INSERT INTO sessions (token_hash, user_id, expires_at, last_seen_at) VALUES ($1, $2, now() + interval '1 day', now())`, [tokenHash(`bench-${name}`), uid(n)]);
    }
    await q('VACUUM ANALYZE');

    // ─── write cost ───
    // Learners who enrolled this month (their 'enrolled' event made them active), each completing one lesson: the
    // common case. PostgreSQL's own function timings (track_functions) split each write's time between the write
    // functions and the roll-up trigger they fire, without the noise of comparing two runs on a shared machine.
    log(`write cost: ${WRITES} lesson completions`);
    const course = courses[0];
    const base = LEARNERS + 100;
    await q(`INSERT INTO users (id, full_name, birth_year, target_group, unit_id, province_id, status, consent_version, consent_at)
             SELECT ${UID_SQL('$1::int + g')}, 'Người ghi', 1980, 'citizen', $2, $3, 'active', 'bench', now() FROM generate_series(1, $4) g`, [base, first.unit_id, first.province_id, WRITES]);
    await q(`INSERT INTO enrolments (user_id, course_id) SELECT ${UID_SQL('$1::int + g')}, $2 FROM generate_series(1, $3) g`, [base, course.id, WRITES]);
    await q(`SELECT append_learning_events(array_agg(${UID_SQL('$1::int + g')}), 'enrolled', array_agg($2::uuid), NULL, NULL, NULL, NULL, NULL, array_agg(now()))
               FROM generate_series(1, $3) g`, [base, course.id, WRITES]);
    const client = await db.connect();
    await client.query(`SET track_functions = 'all'`);
    await client.query('SELECT pg_stat_reset()');
    const wall = [];
    for (let k = 0; k < WRITES; k++) {
      const t0 = process.hrtime.bigint();
      await client.query('SELECT * FROM complete_lessons($1, $2, $3, $4, $5)', [[uid(base + 1 + k)], [course.slug], [course.lesson], [new Date()], [null]]);
      wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    await client.query('SELECT pg_stat_force_next_flush()');
    const fn = Object.fromEntries((await client.query(`SELECT funcname, total_time FROM pg_stat_user_functions`)).rows.map((r) => [r.funcname, Number(r.total_time)]));
    client.release();
    const triggerMs = (fn.reporting_count_learning_events ?? 0) / WRITES;
    const writeMs = (fn.complete_lessons ?? 0) / WRITES - triggerMs;
    const wallMs = wall.reduce((a, b) => a + b, 0) / WRITES;

    // ─── dashboard reads ───
    const results = [];
    for (const scope of Object.keys(admins)) {
      const r = await autocannon({ url: `http://127.0.0.1:${PORT}/api/admin/reporting/cohort`, connections: CONNECTIONS, duration: SECONDS, headers: { cookie: `sid=bench-${scope}` } });
      if (r.non2xx) throw new Error(`${scope}: ${r.non2xx} answers were not 2xx`);
      results.push({ what: `cohort, ${scope}`, rps: r.requests.average, p50: r.latency.p50, p95: r.latency.p97_5 ?? r.latency.p99 });
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
    const [{ rows: rollupRows }] = [await db.query(`SELECT (SELECT count(*) FROM reporting_learning_monthly) + (SELECT count(*) FROM reporting_active_monthly) + (SELECT count(*) FROM reporting_people) AS rows`)];
    await db.end();

    const f = (x) => x.toFixed(2);
    console.log(`\nReporting benchmark — ${LEARNERS} learners, ${LEARNERS * EVENTS} learning events, ${rollupRows[0].rows} roll-up rows, ${os.availableParallelism?.() ?? os.cpus().length} CPUs\n`);
    console.log(`Write cost (complete_lessons, one at a time, ${WRITES} writes; PostgreSQL's function timings)`);
    console.log(`  the write itself          ${f(writeMs)} ms   (in the database; ${f(wallMs)} ms per call seen by the client)`);
    console.log(`  the roll-up trigger       ${f(triggerMs)} ms`);
    console.log(`  added by the roll-ups     ${((triggerMs / writeMs) * 100).toFixed(1)} % of the write in the database, ${((triggerMs / (wallMs - triggerMs)) * 100).toFixed(1)} % of the call   (target ≤ 15 %)\n`);
    console.log(`Dashboard, ${CONNECTIONS} concurrent administrators, ${SECONDS} s each (p95 is autocannon's p97.5)`);
    console.log('  endpoint                     req/s     p50 ms   p95 ms   target p95 < 200 ms');
    for (const r of results) console.log(`  ${r.what.padEnd(26)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p50).padStart(9)} ${String(r.p95).padStart(8)}   ${(r.p95 / ceiling.p95).toFixed(1)}× the ceiling's p95`);
    console.log(`  ceiling: roll-up PK lookup ${ceiling.rps.toFixed(0).padStart(7)} ${f(ceiling.p50).padStart(9)} ${f(ceiling.p95).padStart(8)}`);
  } finally {
    api.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

// The learner-journey benchmark: seeds 100,000 learners and 1,000,000 progress rows in a fresh
// PostgreSQL database, starts the built API against it, then measures with autocannon on loopback
// the lesson read, progress write and quiz submit endpoints beside their raw ceilings (a bare Node
// http server returning the same JSON; a pgbench single-row upsert on a table of the same shape).
// Run: npm run bench   (needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379, like the tests)
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PG = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DB = 'bdhvs_bench';
const PORT = Number(process.env.BENCH_PORT ?? 3190);
const BASE = `http://127.0.0.1:${PORT}`;
const LEARNERS = 100_000;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const SESSIONS = 24_000; // learners with a session cookie: readers, writers and quiz takers
const COURSE_A = 'tro-ly-ai-an-toan'; // seeded: everyone enrolled, every lesson done
const COURSE_B = 'sang-tao-noi-dung-va-ban-quyen'; // seeded: the same, so 10 progress rows a learner
const COURSE_C = 'lam-viec-nhom-voi-cong-cu-so'; // progress writes land here, each one new
const COURSE_D = 'tu-xu-ly-su-co-thiet-bi'; // quiz attempts to submit
const QUIZ_TAKERS = { from: 20_001, count: 3_600 };

const log = (...a) => console.error('·', ...a);
const token = (n) => `bench-session-${n}`;

async function query(db, sql, params) {
  const client = new pg.Client({ connectionString: `${PG}/${db}` });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function startApi() {
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(PORT),
    HOST: '127.0.0.1',
    DATABASE_URL: `${PG}/${DB}`,
    REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: 'bdhvs-bench',
    WORKER_IN_API: 'true',
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MIGRATE_ON_BOOT: 'true',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000000',
    COOKIE_SECURE: 'false',
  };
  const api = spawn(process.execPath, [path.join(ROOT, 'backend/dist/backend/src/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`${BASE}/api/ready`).then((r) => r.ok).catch(() => false);
    if (ok) return api;
    await new Promise((r) => setTimeout(r, 500));
  }
  api.kill();
  throw new Error('the API did not become ready');
}

/** Learner n's id: deterministic, so the seeding stays plain set-based SQL. */
const uid = (n) => `('00000000-0000-4000-8000-' || lpad((${n})::text, 12, '0'))::uuid`;

async function seed() {
  const q = (sql, params) => query(DB, sql, params);
  const t0 = Date.now();
  await q(`WITH c AS (SELECT array_agg(id ORDER BY code) AS ids, array_agg(parent_id ORDER BY code) AS parents FROM admin_units WHERE level = 'commune')
           INSERT INTO users (id, target_group, unit_id, province_id, consent_version, consent_at)
           SELECT ${uid('n')}, (ARRAY['public_servant','student','worker','citizen'])[1 + n % 4],
                  c.ids[1 + n % array_length(c.ids, 1)], c.parents[1 + n % array_length(c.ids, 1)], 'bench', now()
             FROM generate_series(1, $1) n, c`, [LEARNERS]);
  await q(`INSERT INTO sessions (token_hash, user_id, expires_at, last_seen_at)
           SELECT sha256(convert_to('bench-session-' || n, 'UTF8')), ${uid('n')}, now() + interval '7 days', now()
             FROM generate_series(1, $1) n`, [SESSIONS]);
  const enrol = (slug, from, to) =>
    q(`INSERT INTO enrolments (user_id, course_id) SELECT ${uid('n')}, c.id FROM generate_series($2::int, $3::int) n, courses c WHERE c.slug = $1`, [slug, from, to]);
  for (const slug of [COURSE_A, COURSE_B]) {
    await enrol(slug, 1, LEARNERS);
    await q(`INSERT INTO lesson_completions (user_id, lesson_id, course_id, completed_at)
             SELECT ${uid('n')}, l.id, c.id, now() - (random() * interval '90 days')
               FROM generate_series(1, $2::int) n, courses c JOIN lessons l ON l.course_id = c.id AND l.archived_at IS NULL
              WHERE c.slug = $1`, [slug, LEARNERS]);
  }
  await enrol(COURSE_C, 1, 20_000);
  await enrol(COURSE_D, QUIZ_TAKERS.from, QUIZ_TAKERS.from + QUIZ_TAKERS.count - 1);
  await q('VACUUM ANALYZE');
  const [{ n }] = await q('SELECT count(*)::int AS n FROM lesson_completions');
  log(`seeded ${LEARNERS} learners and ${n} progress rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

async function csrf() {
  const res = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = await res.json();
  return csrfToken;
}

/** Runs autocannon; `next()` gives each request its path, cookie and body. */
function run(title, { method = 'GET', next, overallRate }) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: BASE,
        connections: CONNECTIONS,
        duration: DURATION,
        overallRate,
        requests: [{ method, setupRequest: (req) => ({ ...req, ...next() }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('error', reject);
    log(`measuring ${title}…`);
  });
}

const figures = (r) => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx + r.timeouts, total: r.requests.total });

async function bareNodeCeiling(body) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  await new Promise((r) => server.listen(PORT + 1, '127.0.0.1', r));
  const result = await new Promise((resolve, reject) =>
    autocannon({ url: `http://127.0.0.1:${PORT + 1}/`, connections: CONNECTIONS, duration: DURATION }, (err, r) => (err ? reject(err) : resolve(r))),
  );
  server.close();
  return figures(result);
}

function pgbenchCeiling() {
  const script = path.join(os.tmpdir(), 'bdhvs-bench-upsert.sql');
  writeFileSync(script, `\\set u random(1, 100000)
\\set l random(1, 100)
INSERT INTO bench_progress (user_id, lesson_id, course_id, completed_at)
VALUES (('00000000-0000-0000-0000-' || lpad(:u::text, 12, '0'))::uuid, ('00000000-0000-0000-0001-' || lpad(:l::text, 12, '0'))::uuid,
        '00000000-0000-0000-0002-000000000001', now())
ON CONFLICT (user_id, lesson_id) DO UPDATE SET completed_at = excluded.completed_at;
`);
  const out = execFileSync('pgbench', ['-n', '-c', String(CONNECTIONS), '-j', String(os.cpus().length), '-T', String(DURATION), '-f', script, `${PG}/${DB}`], { encoding: 'utf8' });
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  const avg = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1]);
  return { rps: tps, p50: avg, p99: NaN, errors: 0, total: NaN };
}

async function main() {
  execFileSync('psql', [`${PG}/postgres`, '-qc', `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`, '-c', `CREATE DATABASE ${DB}`]);
  log('starting the API (migrations and content import on first boot)…');
  let api = await startApi();
  await seed();
  // Restart so the API starts with the seeded tables' statistics and warm pools, as in production.
  api.kill();
  api = await startApi();
  try {
    const csrfToken = await csrf();
    const cookie = (n) => `sid=${token(n)}; csrf_token=${csrfToken}`;

    // Lesson read: 1,000 learners reading a lesson of a course they are enrolled in.
    let reader = 0;
    const lessonPath = `/api/courses/${COURSE_A}/lessons/01-ai-la-gi`;
    const sample = await fetch(`${BASE}${lessonPath}`, { headers: { cookie: cookie(1) } });
    if (!sample.ok) throw new Error(`lesson read failed: ${sample.status} ${await sample.text()}`);
    const lessonBody = await sample.text();
    const lesson = figures(await run('lesson read', { next: () => ({ path: lessonPath, headers: { cookie: cookie(1 + (reader++ % 1000)) } }) }));
    const bare = await bareNodeCeiling(lessonBody);

    // Progress write: each request a new (learner, lesson) completion with its event.
    const lessons = (await query(DB, `SELECT l.slug FROM lessons l JOIN courses c ON c.id = l.course_id WHERE c.slug = $1 AND l.archived_at IS NULL ORDER BY l.position`, [COURSE_C])).map((r) => r.slug);
    let writer = 0;
    const write = figures(await run('progress write', {
      method: 'PUT',
      next: () => {
        const i = writer++;
        const learner = 1 + (i % 20_000);
        const lessonSlug = lessons[Math.floor(i / 20_000) % lessons.length];
        return {
          path: `/api/courses/${COURSE_C}/lessons/${lessonSlug}/completion`,
          headers: { cookie: cookie(learner), 'x-csrf-token': csrfToken, 'content-type': 'application/json', 'idempotency-key': `bench-${i}-${learner}` },
          body: '{}',
        };
      },
    }));
    execFileSync('psql', [`${PG}/${DB}`, '-q', '-c', 'CREATE TABLE bench_progress (LIKE lesson_completions INCLUDING ALL)',
      '-c', 'INSERT INTO bench_progress SELECT * FROM lesson_completions', '-c', 'VACUUM ANALYZE bench_progress']);
    const upsert = pgbenchCeiling();

    // Quiz submit at a fixed 300 requests/s: each request hands in a different open attempt.
    log(`opening ${QUIZ_TAKERS.count} quiz attempts…`);
    const attempts = [];
    for (let i = 0; i < QUIZ_TAKERS.count; i += 50) {
      const batch = await Promise.all(Array.from({ length: Math.min(50, QUIZ_TAKERS.count - i) }, (_, k) =>
        fetch(`${BASE}/api/courses/${COURSE_D}/quizzes/kiem-tra-cuoi-khoa/attempts`, {
          method: 'POST',
          headers: { cookie: cookie(QUIZ_TAKERS.from + i + k), 'x-csrf-token': csrfToken },
        }).then(async (r) => ({ learner: QUIZ_TAKERS.from + i + k, id: (await r.json()).id }))));
      attempts.push(...batch);
    }
    let submitter = 0;
    const submit = figures(await run('quiz submit at 300 requests/s', {
      method: 'POST',
      overallRate: 300,
      next: () => {
        const a = attempts[submitter++ % attempts.length];
        return { path: `/api/quiz-attempts/${a.id}/submission`, headers: { cookie: cookie(a.learner), 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: '{"answers":{}}' };
      },
    }));

    const rows = [
      ['lesson read', lesson, bare, 'bare Node http', `≥ 20% of ceiling`, lesson.rps / bare.rps >= 0.2],
      ['progress write', write, upsert, 'pgbench upsert', `≥ 25% of ceiling`, write.rps / upsert.rps >= 0.25],
      ['quiz submit (300 req/s)', submit, null, '', 'p99 < 100 ms', submit.p99 < 100 && submit.rps >= 290],
    ];
    console.log(`\nLearner-journey benchmark — ${os.cpus().length} CPU(s), Node ${process.version}, ${CONNECTIONS} connections, ${DURATION} s each`);
    console.log('endpoint                  req/s    p50 ms  p99 ms  errors | ceiling                req/s   | ratio   target              result');
    for (const [name, m, c, cname, target, ok] of rows) {
      const ratio = c ? `${((m.rps / c.rps) * 100).toFixed(0)}%` : '—';
      console.log(
        `${name.padEnd(24)} ${m.rps.toFixed(0).padStart(7)} ${String(m.p50).padStart(8)} ${String(m.p99).padStart(7)} ${String(m.errors).padStart(7)} | ` +
        `${cname.padEnd(20)} ${c ? c.rps.toFixed(0).padStart(7) : '      —'}   | ${ratio.padStart(5)}   ${target.padEnd(19)} ${ok ? 'PASS' : 'MISS'}`,
      );
    }
  } finally {
    api.kill();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

// The learner-journey benchmark (not a test). Run: npm run bench   (options: see bench/README.md)
//
// 1. Creates a fresh database (bdhvs_bench), boots the built API once to apply the migrations and load
//    the shipped units and courses, then seeds with set-based SQL: 100,000 learners with sessions,
//    400,000 enrolments, 1,000,000 lesson completions, their learning events and 100,000 past quiz attempts.
// 2. For each API process count (--workers, default 1 and the number of CPUs), starts the API and drives
//    with autocannon on loopback: lesson read, progress write (each request a new completion) and quiz
//    submit at a fixed 300 requests/s (each request hands in a different open attempt).
// 3. Measures each raw ceiling right after its endpoint: a bare node:http server returning the lesson's
//    JSON (same process count, same autocannon settings) and pgbench doing a single-row upsert on a
//    table of the same shape as lesson_completions (the load's and the API's connection counts).
// 4. Prints requests/s, p50/p99, each endpoint's ratio to its ceiling and the targets.
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const API_MAIN = path.join(ROOT, 'backend/dist/backend/src/main.js');
const CLUSTER = path.join(ROOT, 'bench/cluster.mjs');
const BARE = path.join(ROOT, 'bench/bare-node.mjs');
const requireBackend = createRequire(API_MAIN);

const CPUS = os.availableParallelism?.() ?? os.cpus().length;
const { values: opts } = parseArgs({
  options: {
    workers: { type: 'string', default: process.env.BENCH_WORKERS ?? [...new Set([1, CPUS])].join(',') },
    seconds: { type: 'string', default: process.env.BENCH_SECONDS ?? '10' },
    connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '50' },
    'quiz-rate': { type: 'string', default: '300' },
    // PostgreSQL connections of all API processes together. The default (4 per CPU of this machine, where
    // PostgreSQL runs) was the fastest for lesson completions here: see "Connections" in bench/README.md.
    'db-pool': { type: 'string', default: process.env.BENCH_DB_POOL ?? String(4 * CPUS) },
    keep: { type: 'boolean', default: false },
  },
});
const WORKERS = opts.workers.split(',').map(Number);
const DURATION = Number(opts.seconds);
const CONNECTIONS = Number(opts.connections);
const QUIZ_RATE = Number(opts['quiz-rate']);
const DB_POOL = Number(opts['db-pool']);
const WARMUP = 3;
if (WORKERS.some((n) => !Number.isInteger(n) || n < 1) || !(DURATION > 0) || !(CONNECTIONS > 0) || !(QUIZ_RATE > 0) || !Number.isInteger(DB_POOL) || DB_POOL < 1) {
  console.error('usage: npm run bench -- [--workers 1,2] [--seconds 10] [--connections 50] [--quiz-rate 300] [--db-pool 8] [--keep]');
  process.exit(2);
}

const PG = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DB = 'bdhvs_bench';
const DB_URL = `${PG}/${DB}`;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const API_PORT = Number(process.env.BENCH_PORT ?? 3190);
const BARE_PORT = API_PORT + 1;
const LEARNERS = 100_000;
const READERS = 1_000; // distinct learner sessions the lesson read rotates through (writes go over all learners)
const ATTEMPTS_PER_RUN = Math.ceil(QUIZ_RATE * (DURATION + 2) * 1.2); // open attempts per quiz run, one learner each
const COURSE = {
  read: 'tro-ly-ai-an-toan', // everyone enrolled, every lesson done, a past quiz attempt: the lesson read
  done: 'sang-tao-noi-dung-va-ban-quyen', // everyone enrolled, every lesson done: the other 500,000 completions
  write: 'lam-viec-nhom-voi-cong-cu-so', // everyone enrolled, nothing done: each progress write is a new completion
  quiz: 'tu-xu-ly-su-co-thiet-bi', // everyone enrolled: the quiz submissions
};
const QUIZ = 'kiem-tra-cuoi-khoa';
// Fixed for the whole run, so CSRF tokens stay valid when the API restarts with another process count.
const SECRETS = {
  SESSION_SECRET: randomBytes(32).toString('base64url'),
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  CREDENTIAL_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
};
const TMP = mkdtempSync(path.join(os.tmpdir(), 'bdhvs-bench-'));
const API_LOG = path.join(TMP, 'api.log');

const started = Date.now();
const log = (...a) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Learner n's id: deterministic, so seeding stays plain set-based SQL and the bench knows every id. */
const uid = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const UID_SQL = (n) => `('00000000-0000-4000-8000-' || lpad((${n})::text, 12, '0'))::uuid`;
const token = (n) => `bench-session-${n}`;

const db = new pg.Pool({ connectionString: DB_URL, max: 4 });
const q = async (sql, params) => (await db.query(sql, params)).rows;

// ─── processes ────────────────────────────────────────────────────────────────────────────────────

const children = new Set();

function launch(processes, entry, env, logFile) {
  // e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": a profile per API process, covering every measurement in order.
  const nodeArgs = entry === API_MAIN ? (process.env.BENCH_API_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []) : [];
  const args = [...nodeArgs, ...(processes === 1 ? [entry] : [CLUSTER, String(processes), entry])];
  const out = logFile ? createWriteStream(logFile, { flags: 'a' }) : 'ignore';
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', logFile ? 'pipe' : 'ignore', logFile ? 'pipe' : 'inherit'] });
  if (logFile) {
    child.stdout.pipe(out);
    child.stderr.pipe(out);
  }
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(killer);
}

async function waitFor(url, child, seconds, what) {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) break;
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await sleep(250);
  }
  throw new Error(`${what} did not become ready (see ${API_LOG})`);
}

async function startApi(processes, { migrate = false } = {}) {
  // A server left over from an interrupted run would answer for the new one.
  if (await fetch(`http://127.0.0.1:${API_PORT}/api/health`).then(() => true, () => false)) throw new Error(`port ${API_PORT} is taken: stop what listens there (or set BENCH_PORT)`);
  const child = launch(processes, API_MAIN, {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(API_PORT),
    DATABASE_URL: DB_URL,
    REDIS_URL,
    QUEUE_PREFIX: 'bdhvs-bench',
    WORKER_IN_API: 'false',
    ...SECRETS,
    MIGRATE_ON_BOOT: String(migrate),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    DB_POOL_SIZE: String(Math.max(1, Math.round(DB_POOL / processes))),
    RATE_LIMIT_PER_MINUTE: '100000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000000',
    COOKIE_SECURE: 'false',
  }, API_LOG);
  await waitFor(`http://127.0.0.1:${API_PORT}/api/ready`, child, migrate ? 300 : 60, 'the API');
  return child;
}

// ─── seeding ──────────────────────────────────────────────────────────────────────────────────────

async function createDatabase() {
  const admin = new pg.Client({ connectionString: `${PG}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
}

async function seed() {
  const t0 = Date.now();
  const argon2 = requireBackend('argon2');
  const { CONSENT } = requireBackend('./modules/auth/consent.js');
  const passwordHash = await argon2.hash('HocVuSo@2026', { type: argon2.argon2id });
  const client = await db.connect();
  const run = (sql, params) => client.query(sql, params);
  try {
    await run('SET synchronous_commit = off');
    await run(`WITH c AS (SELECT array_agg(id ORDER BY code) AS ids, array_agg(parent_id ORDER BY code) AS parents FROM admin_units WHERE level = 'commune')
               INSERT INTO users (id, password_hash, password_changed_at, full_name, birth_year, target_group, unit_id, province_id, consent_version, consent_at, created_at, updated_at)
               SELECT ${UID_SQL('n')}, $2, t, 'Học viên ' || n, 1950 + n % 56, (ARRAY['public_servant','student','worker','citizen'])[1 + n % 4],
                      c.ids[1 + n % array_length(c.ids, 1)], c.parents[1 + n % array_length(c.ids, 1)], $3, t, t, t
                 FROM generate_series(1, $1::int) n, c, LATERAL (SELECT now() - interval '200 days' + n * interval '1 minute') AS x(t)`,
      [LEARNERS, passwordHash, CONSENT.version]);
    await run(`INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, user_agent)
               SELECT sha256(convert_to('bench-session-' || n, 'UTF8')), ${UID_SQL('n')}, now(), now() + interval '7 days', now(), 'bench'
                 FROM generate_series(1, $1::int) n`, [LEARNERS]);
    log('  users and sessions');
    await run(`INSERT INTO enrolments (user_id, course_id, enrolled_at)
               SELECT ${UID_SQL('n')}, c.id, now() - interval '150 days' + (n % 1000) * interval '1 minute'
                 FROM generate_series(1, $1::int) n, courses c WHERE c.slug = ANY($2)`, [LEARNERS, Object.values(COURSE)]);
    await run(`INSERT INTO lesson_completions (user_id, lesson_id, course_id, completed_at)
               SELECT ${UID_SQL('n')}, l.id, c.id, now() - interval '140 days' + l.position * interval '1 day' + (n % 1000) * interval '1 minute'
                 FROM generate_series(1, $1::int) n, courses c JOIN lessons l ON l.course_id = c.id AND l.archived_at IS NULL
                WHERE c.slug = ANY($2)`, [LEARNERS, [COURSE.read, COURSE.done]]);
    log('  enrolments and lesson completions');
    const events = (type, from) =>
      run(`INSERT INTO learning_events (user_id, type, course_id, lesson_id, quiz_attempt_id, score_percent, passed, idempotency_key, occurred_at, recorded_at,
                                        unit_id, province_id, organisation_id, target_group, framework_version)
           SELECT x.user_id, '${type}', x.course_id, x.lesson_id, x.quiz_attempt_id, x.score_percent, x.passed, x.idempotency_key, x.at, x.at,
                  u.unit_id, u.province_id, u.organisation_id, u.target_group, fv.version
             FROM (${from}) x JOIN users u ON u.id = x.user_id JOIN courses c ON c.id = x.course_id JOIN framework_versions fv ON fv.id = c.framework_version_id`);
    await events('enrolled', `SELECT user_id, course_id, NULL::uuid AS lesson_id, NULL::uuid AS quiz_attempt_id, NULL::int AS score_percent, NULL::boolean AS passed,
                                     NULL AS idempotency_key, enrolled_at AS at FROM enrolments`);
    await events('lesson_completed', `SELECT user_id, course_id, lesson_id, NULL::uuid AS quiz_attempt_id, NULL::int AS score_percent, NULL::boolean AS passed,
                                             md5(user_id::text || lesson_id::text) AS idempotency_key, completed_at AS at FROM lesson_completions`);
    log('  learning events');
  } finally {
    client.release();
  }
  log(`seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

/** Past quiz attempts: two real ones through the API (one passed, one failed), copied to every learner. */
async function seedQuizHistory(csrfToken) {
  const templates = await openAttempts(COURSE.read, [1, 2], csrfToken);
  const sheets = await answerSheets(templates);
  for (const [i, a] of templates.entries()) {
    const res = await api('POST', `/api/quiz-attempts/${a.id}/submission`, a.learner, csrfToken, sheets[i]);
    if (!res.ok) throw new Error(`quiz submission failed: ${res.status} ${await res.text()}`);
  }
  const client = await db.connect();
  try {
    await client.query('SET synchronous_commit = off');
    await client.query(`INSERT INTO quiz_attempts (user_id, quiz_id, course_id, number, status, questions, answers, started_at, submitted_at, late, graded, score_percent, passed)
                        SELECT ${UID_SQL('n')}, t.quiz_id, t.course_id, 1, 'submitted', t.questions, t.answers, s.at, s.at + interval '9 minutes', false, t.graded, t.score_percent, t.passed
                          FROM generate_series(3, $1::int) n
                          JOIN quiz_attempts t ON t.user_id = ${UID_SQL('1 + n % 2')}
                          CROSS JOIN LATERAL (SELECT now() - interval '100 days' + (n % 1000) * interval '1 minute') s(at)`, [LEARNERS]);
    const fromAttempts = (score) => `SELECT user_id, course_id, NULL::uuid AS lesson_id, id AS quiz_attempt_id, ${score}, NULL AS idempotency_key`;
    for (const [type, score, at] of [['quiz_started', 'NULL::int AS score_percent, NULL::boolean AS passed', 'started_at'], ['quiz_submitted', 'round(score_percent)::int AS score_percent, passed', 'submitted_at']]) {
      await client.query(`INSERT INTO learning_events (user_id, type, course_id, quiz_attempt_id, score_percent, passed, occurred_at, recorded_at, unit_id, province_id, organisation_id, target_group, framework_version)
                          SELECT x.user_id, '${type}', x.course_id, x.quiz_attempt_id, x.score_percent, x.passed, x.at, x.at, u.unit_id, u.province_id, u.organisation_id, u.target_group, fv.version
                            FROM (${fromAttempts(score)}, ${at} AS at FROM quiz_attempts WHERE user_id NOT IN ($1, $2)) x
                            JOIN users u ON u.id = x.user_id JOIN courses c ON c.id = x.course_id JOIN framework_versions fv ON fv.id = c.framework_version_id`, [uid(1), uid(2)]);
    }
    await client.query(`UPDATE enrolments e SET status = 'completed', completed_at = a.submitted_at FROM quiz_attempts a
                         WHERE a.user_id = e.user_id AND a.course_id = e.course_id AND a.passed`);
    // The same table as lesson_completions (columns, primary key, index, foreign keys, 1,000,000 rows) for pgbench.
    await client.query('CREATE TABLE bench_progress (LIKE lesson_completions INCLUDING ALL)');
    const keys = await client.query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'lesson_completions'::regclass AND contype = 'f'`);
    for (const { def } of keys.rows) await client.query(`ALTER TABLE bench_progress ADD ${def}`);
    await client.query('INSERT INTO bench_progress SELECT * FROM lesson_completions');
  } finally {
    client.release();
  }
  log('  past quiz attempts and the pgbench table');
  await q('VACUUM ANALYZE');
  await q('CHECKPOINT');
}

// ─── API helpers ──────────────────────────────────────────────────────────────────────────────────

const cookie = (n, csrfToken) => `sid=${token(n)}; csrf_token=${csrfToken}`;
/**
 * One request as a learner. Sent again once when the server had just closed the idle keep-alive
 * connection fetch reused (after a ceiling's pause); the requests sent here are idempotent.
 */
async function api(method, pathname, learner, csrfToken, body) {
  const send = () => fetch(`http://127.0.0.1:${API_PORT}${pathname}`, {
    method,
    headers: { cookie: cookie(learner, csrfToken), 'x-csrf-token': csrfToken, ...(body && { 'content-type': 'application/json' }) },
    body: body && JSON.stringify(body),
  });
  return send().catch((err) => (err.cause?.code === 'UND_ERR_SOCKET' ? send() : Promise.reject(err)));
}

async function csrf() {
  const res = await fetch(`http://127.0.0.1:${API_PORT}/api/auth/csrf`);
  return (await res.json()).csrfToken;
}

/** Starts one attempt per learner through the API (the real draw), 50 at a time. */
async function openAttempts(courseSlug, learners, csrfToken) {
  const out = [];
  for (let i = 0; i < learners.length; i += 50) {
    out.push(...(await Promise.all(learners.slice(i, i + 50).map(async (learner) => {
      const res = await api('POST', `/api/courses/${courseSlug}/quizzes/${QUIZ}/attempts`, learner, csrfToken);
      if (res.status !== 201) throw new Error(`starting an attempt failed: ${res.status} ${await res.text()}`);
      return { learner, id: (await res.json()).id };
    }))));
  }
  return out;
}

/**
 * An answer sheet per attempt, from the stored draw and the bank's keys: every other attempt is
 * answered correctly (it passes, so the completion rule runs), the others wrongly.
 */
async function answerSheets(attempts) {
  const drawn = new Map((await q('SELECT id, questions FROM quiz_attempts WHERE id = ANY($1)', [attempts.map((a) => a.id)])).map((r) => [r.id, r.questions]));
  const bank = new Map((await q('SELECT q.id, q.type, q.payload FROM questions q JOIN quiz_attempts a ON a.course_id = q.course_id WHERE a.id = $1', [attempts[0].id])).map((r) => [r.id, r]));
  return attempts.map((a, i) => {
    const right = i % 2 === 0;
    const answers = {};
    for (const d of drawn.get(a.id)) {
      const question = bank.get(d.questionId);
      const options = question.payload.options ?? [];
      const correct = new Set(options.filter((o) => o.correct).map((o) => o.id));
      switch (question.type) {
        case 'single':
        case 'true_false':
        case 'multiple': {
          const keys = d.options.filter((o) => correct.has(o.optionId) === right).map((o) => o.key);
          answers[d.questionId] = { choices: question.type === 'multiple' && right ? keys : keys.slice(0, 1) };
          break;
        }
        case 'ordering': {
          const keyOf = new Map(d.options.map((o) => [o.optionId, o.key]));
          const order = options.map((o) => keyOf.get(o.id));
          answers[d.questionId] = { order: right ? order : order.reverse() };
          break;
        }
        case 'short_text':
          answers[d.questionId] = { text: right ? question.payload.accepted[0] : 'không biết' };
          break;
        case 'numerical':
          answers[d.questionId] = { text: right ? String(question.payload.numbers.find((n) => n.weight === 100).value) : 'không biết' };
          break;
        case 'matching': {
          const rightKey = new Map(d.right.map((r) => [r.pair, r.key]));
          answers[d.questionId] = { matches: Object.fromEntries(d.left.map((l, k) => [l.key, right ? rightKey.get(l.pair) : d.right[(k + 1) % d.right.length].key])) };
          break;
        }
        default:
          throw new Error(`unknown question type ${question.type}`);
      }
    }
    return { answers };
  });
}

// ─── measuring ────────────────────────────────────────────────────────────────────────────────────

/** One autocannon run; `next()` gives each request its path, headers and body. */
function cannon({ port, method = 'GET', next, duration, overallRate }) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        duration,
        overallRate,
        requests: [{ method, ...(next && { setupRequest: (req) => ({ ...req, ...next() }) }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('error', reject);
  });
}

/**
 * The same rate over the same connections, paced. autocannon's `overallRate` starts every
 * connection's one-second quota at the same instant, so each second's requests arrive as one burst
 * with all connections in flight. Here each connection is an autocannon instance of its own, started
 * 1/connections of a second after the previous one, so a second's requests are spread over it.
 * Latencies are every response's, as autocannon measures them.
 */
async function paced({ port, method, next, duration, overallRate }) {
  const perConnection = Math.max(1, Math.round(overallRate / CONNECTIONS));
  const latencies = [];
  const runs = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    if (i > 0) await sleep(1000 / CONNECTIONS);
    runs.push(new Promise((resolve, reject) => {
      const instance = autocannon(
        { url: `http://127.0.0.1:${port}`, connections: 1, duration, overallRate: perConnection, requests: [{ method, setupRequest: (req) => ({ ...req, ...next() }) }] },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
      instance.on('response', (_client, _status, _bytes, time) => latencies.push(time));
      instance.on('error', reject);
    }));
  }
  const results = await Promise.all(runs);
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  const sum = (f) => results.reduce((n, r) => n + f(r), 0);
  return {
    requests: { total: sum((r) => r.requests.total) }, duration: results[0].duration,
    latency: { p50: Math.round(at(0.5)), p99: Math.round(at(0.99)) },
    errors: sum((r) => r.errors), timeouts: sum((r) => r.timeouts), non2xx: sum((r) => r.non2xx),
  };
}

const figures = (r) => ({
  rps: r.requests.total / r.duration,
  p50: r.latency.p50,
  p99: r.latency.p99,
  errors: r.errors + r.timeouts + r.non2xx,
  total: r.requests.total,
});

// ─── CPU per request, from /proc: where a request's time goes when the machine is the limit ──────────

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** Every process's CPU ticks (user + system, all threads), parent and name. */
function processTicks() {
  const all = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    all.set(Number(name), { comm, ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
  }
  return all;
}

/** CPU ms the server (`pid` and its descendants: cluster workers) and PostgreSQL spent between two snapshots. */
function cpuBetween(before, after, pid) {
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, { ppid }] of after) {
      if (tree.has(ppid) && !tree.has(p)) {
        tree.add(p);
        grew = true;
      }
    }
  }
  let server = 0;
  let postgres = 0;
  for (const [p, now] of after) {
    const spent = (now.ticks - (before.get(p)?.ticks ?? 0)) * TICK_MS;
    if (tree.has(p)) server += spent;
    else if (now.comm === 'postgres') postgres += spent;
  }
  return { server, postgres };
}

async function measure(title, options) {
  log(`${title}: warm-up ${options.warmup ?? WARMUP} s, then ${DURATION} s`);
  const drive = options.paced ? paced : cannon;
  await drive({ ...options, duration: options.warmup ?? WARMUP });
  const before = processTicks();
  const result = figures(await drive({ ...options, duration: DURATION }));
  const cpu = cpuBetween(before, processTicks(), options.serverPid);
  result.cpu = { server: cpu.server / result.total, postgres: cpu.postgres / result.total };
  log(`  ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.errors} errors; ` +
      `CPU per request: server ${result.cpu.server.toFixed(2)} ms, PostgreSQL ${result.cpu.postgres.toFixed(2)} ms`);
  return result;
}

async function bareNode(processes, bodyFile) {
  const child = launch(processes, BARE, { PORT: String(BARE_PORT), BENCH_BODY_FILE: bodyFile });
  try {
    await waitFor(`http://127.0.0.1:${BARE_PORT}/`, child, 30, 'the bare Node server');
    return await measure(`ceiling: bare node:http ×${processes}`, { port: BARE_PORT, serverPid: child.pid });
  } finally {
    await stop(child);
  }
}

/** pgbench: the single-row upsert with `clients` connections; p50/p99 from its per-transaction log. */
async function pgbenchUpsert(clients) {
  const lessons = await q(`SELECT l.id, l.course_id FROM lessons l JOIN courses c ON c.id = l.course_id WHERE c.slug = $1 AND l.archived_at IS NULL ORDER BY l.position`, [COURSE.write]);
  const scripts = lessons.map((l, i) => {
    const file = path.join(TMP, `upsert-${i}.sql`);
    writeFileSync(file, `\\set n random(1, ${LEARNERS})
INSERT INTO bench_progress (user_id, lesson_id, course_id, completed_at)
VALUES (('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid, '${l.id}', '${l.course_id}', now())
ON CONFLICT (user_id, lesson_id) DO UPDATE SET completed_at = excluded.completed_at;
`);
    return ['-f', `${file}@1`];
  });
  const pgbench = (seconds, logPrefix) => execFileSync('pgbench', [
    '-n', '-M', 'prepared', '-c', String(clients), '-j', String(Math.min(CPUS, clients)), '-T', String(seconds),
    ...(logPrefix ? ['-l', `--log-prefix=${logPrefix}`] : []), ...scripts.flat(), DB_URL,
  ], { encoding: 'utf8', cwd: TMP });
  log(`ceiling: pgbench upsert, ${clients} clients: warm-up ${WARMUP} s, then ${DURATION} s`);
  for (const f of readdirSync(TMP).filter((n) => n.startsWith('pgbench.'))) rmSync(path.join(TMP, f));
  await q('CHECKPOINT');
  pgbench(WARMUP);
  const out = pgbench(DURATION, path.join(TMP, 'pgbench'));
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1] ?? /tps = ([\d.]+)/.exec(out)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(out)?.[1] ?? 0);
  const latencies = [];
  for (const f of readdirSync(TMP).filter((n) => n.startsWith('pgbench.'))) {
    for (const line of readFileSync(path.join(TMP, f), 'utf8').split('\n')) {
      const us = Number(line.split(' ')[2]);
      if (line && Number.isFinite(us)) latencies.push(us / 1000);
    }
  }
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))] * 100) / 100 : NaN;
  const result = { name: `pgbench upsert, ${clients} clients`, rps: tps, p50: pct(50), p99: pct(99), errors: failed, total: latencies.length };
  log(`  ${tps.toFixed(0)} tps, p50 ${result.p50} ms, p99 ${result.p99} ms`);
  return result;
}

/**
 * The three endpoints against the API in `processes` processes, each ceiling measured right after its
 * endpoint (the API idle meanwhile): a shared VM's speed drifts over minutes, and a ratio means most
 * when both of its figures come from the same minute.
 */
async function measureApi(processes, state, bodyFile) {
  log(`starting the API: ${processes} process${processes > 1 ? 'es (node:cluster)' : ''}`);
  const child = await startApi(processes);
  try {
    const csrfToken = state.csrfToken;
    // Reference, not a target: the HTTP stack alone (helmet, cookies, body parser, logger, Nest routing;
    // no session, no rate limit, no database), to tell the framework's share from the endpoint's.
    const floor = await measure(`GET /api/health ×${processes} (framework floor)`, { port: API_PORT, serverPid: child.pid, next: () => ({ path: '/api/health' }) });

    // Lesson read: READERS learners reading a lesson of a course they are enrolled in.
    const { readPath } = state;
    let reader = 0;
    const read = await measure(`lesson read ×${processes}`, {
      port: API_PORT, serverPid: child.pid,
      // As a browser asks: the page comes Brotli-compressed (once per lesson version, see LessonsService.read).
      next: () => ({ path: readPath, headers: { cookie: cookie(1 + (reader++ % READERS), csrfToken), 'accept-encoding': 'br, gzip' } }),
    });
    const bare = await bareNode(processes, bodyFile);

    // Progress write: each request a first completion of a lesson (the event, the completion rule).
    await q('CHECKPOINT');
    const before = Number((await q(`SELECT count(*) FROM lesson_completions lc JOIN courses c ON c.id = lc.course_id WHERE c.slug = $1`, [COURSE.write]))[0].count);
    const write = await measure(`progress write ×${processes}`, {
      port: API_PORT, serverPid: child.pid,
      method: 'PUT',
      next: () => {
        const i = state.writes++;
        const learner = 1 + (i % LEARNERS);
        const lesson = state.writeLessons[Math.floor(i / LEARNERS) % state.writeLessons.length];
        return {
          path: `/api/courses/${COURSE.write}/lessons/${lesson}/completion`,
          headers: { cookie: cookie(learner, csrfToken), 'x-csrf-token': csrfToken, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          // What the web app sends: the device's time of the click (kept for offline replays).
          body: JSON.stringify({ occurredAt: new Date().toISOString() }),
        };
      },
    });
    const after = Number((await q(`SELECT count(*) FROM lesson_completions lc JOIN courses c ON c.id = lc.course_id WHERE c.slug = $1`, [COURSE.write]))[0].count);
    log(`  ${after - before} new lesson completions recorded`);
    // The faster of the upsert with the load's concurrency and with the API's connections.
    const upsert = [await pgbenchUpsert(CONNECTIONS), ...(DB_POOL === CONNECTIONS ? [] : [await pgbenchUpsert(DB_POOL)])].reduce((a, b) => (b.rps > a.rps ? b : a));

    // Quiz submit at a fixed rate: every request hands in a different open attempt.
    const learners = Array.from({ length: 2 * ATTEMPTS_PER_RUN }, (_, k) => state.quizTakers + k + 1);
    state.quizTakers += 2 * ATTEMPTS_PER_RUN;
    const submitAt = async (shape, paced) => {
      log(`opening ${learners.length / 2} quiz attempts through the API…`);
      const attempts = await openAttempts(COURSE.quiz, shape === 'bursts' ? learners.slice(0, learners.length / 2) : learners.slice(learners.length / 2), csrfToken);
      const sheets = (await answerSheets(attempts)).map((s) => JSON.stringify(s));
      let submitted = 0;
      const result = await measure(`quiz submit ×${processes} at ${QUIZ_RATE} requests/s (${shape})`, {
        port: API_PORT, serverPid: child.pid,
        method: 'POST',
        overallRate: QUIZ_RATE,
        paced,
        warmup: 2,
        next: () => {
          const k = submitted++;
          if (k === attempts.length) log('  warning: more submissions than open attempts; resends follow');
          const a = attempts[k % attempts.length];
          return {
            path: `/api/quiz-attempts/${a.id}/submission`,
            headers: { cookie: cookie(a.learner, csrfToken), 'x-csrf-token': csrfToken, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            body: sheets[k % attempts.length],
          };
        },
      });
      const [graded] = await q(`SELECT count(*)::int AS n, count(*) FILTER (WHERE passed)::int AS passed FROM quiz_attempts WHERE id = ANY($1) AND status = 'submitted'`, [attempts.map((a) => a.id)]);
      log(`  ${graded.n} attempts graded, ${graded.passed} passed`);
      return result;
    };
    const submit = await submitAt('bursts', false);
    const submitPaced = await submitAt('paced', true);
    return { floor, read, bare, write, upsert, submit, submitPaced };
  } finally {
    await stop(child);
  }
}

// ─── report ───────────────────────────────────────────────────────────────────────────────────────

const ms = (v) => (!Number.isFinite(v) ? '—' : v < 1 ? '<1' : Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1));
const cpuMs = (v) => (Number.isFinite(v) ? v.toFixed(2) : '—');
const int = (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '—');

function printReport(runs, facts) {
  const rows = [];
  for (const { processes, floor, read, bare, write, upsert, submit, submitPaced } of runs) {
    const sustained = (m) => m.rps >= QUIZ_RATE * 0.95;
    const bareNode = { name: `bare node:http ×${processes}`, ...bare };
    rows.push(
      { name: 'lesson read', processes, m: read, ceiling: bareNode, target: '≥ 20% of ceiling', pass: read.rps / bareNode.rps >= 0.2 },
      { name: 'progress write', processes, m: write, ceiling: upsert, target: '≥ 25% of ceiling', pass: write.rps / upsert.rps >= 0.25 },
      { name: `quiz submit @${QUIZ_RATE}/s, bursts`, processes, m: submit, target: `p99 < 100 ms${sustained(submit) ? '' : ', rate missed'}`, pass: submit.p99 < 100 && sustained(submit) },
      { name: `quiz submit @${QUIZ_RATE}/s, paced`, processes, m: submitPaced, target: `p99 < 100 ms${sustained(submitPaced) ? '' : ', rate missed'}`, pass: submitPaced.p99 < 100 && sustained(submitPaced) },
      { name: '(GET /api/health)', processes, m: floor, ceiling: bareNode, target: 'reference only' },
    );
  }
  const head = ['endpoint', 'API procs', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'API CPU', 'PG CPU', 'ceiling', 'ceiling req/s', 'ceil p50', 'ceil p99', 'ratio', 'target', 'result'];
  const body = rows.map(({ name, processes, m, ceiling: c, target, pass }) => [
    name, String(processes), int(m.rps), ms(m.p50), ms(m.p99), int(m.errors), cpuMs(m.cpu.server), cpuMs(m.cpu.postgres), c?.name ?? '—', c ? int(c.rps) : '—', c ? ms(c.p50) : '—', c ? ms(c.p99) : '—',
    c ? `${((m.rps / c.rps) * 100).toFixed(1)}%` : '—', target, pass === undefined ? '' : pass && m.errors === 0 ? 'PASS' : 'MISS',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const left = new Set([0, 8, 13]);
  const line = (cells) => cells.map((c, i) => (left.has(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\nLearner-journey benchmark — ${facts.machine}`);
  console.log(facts.data);
  console.log(`autocannon on loopback, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per measurement; quiz submit at a fixed ${QUIZ_RATE} requests/s; API: ${DB_POOL} PostgreSQL connections in all\n`);
  console.log(line(head));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of body) console.log(line(r));
  console.log(`
API CPU, PG CPU = CPU ms per request (user + system, all threads, from /proc) of the API processes and of PostgreSQL.
ratio = endpoint req/s ÷ ceiling req/s. Latencies: autocannon's histogram (1 ms steps; at a fixed rate corrected for
coordinated omission); pgbench's from its per-transaction log. Progress write: each request a learner's first completion
of a lesson (transaction with the learning event and the completion rule). Quiz submit: a different open attempt per
request, half answered right (the completion rule runs), half wrong; "bursts" is autocannon's overallRate (every
connection's quota of a second starts at the same instant), "paced" starts the connections 1/50 s apart (every response's
latency, no correction). (GET /api/health): the HTTP stack alone, for reference.
`);
}

// ─── main ─────────────────────────────────────────────────────────────────────────────────────────

async function main() {
  for (const [what, ok] of [
    ['PostgreSQL on 127.0.0.1:5432', () => execFileSync('pg_isready', ['-d', `${PG}/postgres`, '-q'])],
    ['Redis on 127.0.0.1:6379', () => execFileSync('redis-cli', ['-u', REDIS_URL, 'ping'])],
    ['pgbench', () => execFileSync('pgbench', ['--version'])],
    ['the built API (npm run build -w backend)', () => readFileSync(API_MAIN)],
  ]) {
    try {
      ok();
    } catch {
      throw new Error(`${what} is not available (bash scripts/ensure-services.sh starts PostgreSQL and Redis)`);
    }
  }
  log(`fresh database ${DB}; booting the API once to apply the migrations and load units and courses…`);
  await createDatabase();
  let child = await startApi(1, { migrate: true });
  let csrfToken;
  try {
    log('seeding…');
    await seed();
    csrfToken = await csrf();
    await seedQuizHistory(csrfToken);
  } finally {
    await stop(child);
  }

  const [counts] = await q(`SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM enrolments)::int AS enrolments,
                                   (SELECT count(*) FROM lesson_completions)::int AS completions, (SELECT count(*) FROM learning_events)::int AS events,
                                   (SELECT count(*) FROM quiz_attempts)::int AS attempts`);
  const [{ server_version: version }] = await q('SHOW server_version');
  const readLesson = (await q(`SELECT l.slug FROM lessons l JOIN courses c ON c.id = l.course_id WHERE c.slug = $1 AND l.archived_at IS NULL ORDER BY l.position LIMIT 1`, [COURSE.read]))[0].slug;
  const state = {
    csrfToken,
    readPath: `/api/courses/${COURSE.read}/lessons/${readLesson}`,
    writeLessons: (await q(`SELECT l.slug FROM lessons l JOIN courses c ON c.id = l.course_id WHERE c.slug = $1 AND l.archived_at IS NULL ORDER BY l.position`, [COURSE.write])).map((r) => r.slug),
    writes: 0,
    quizTakers: 0,
  };

  // The real lesson-read response, for the bare Node server; the API must answer it before anything is measured.
  child = await startApi(1);
  const bodyFile = path.join(TMP, 'lesson.json');
  try {
    const res = await api('GET', state.readPath, 1, csrfToken);
    if (!res.ok) throw new Error(`lesson read failed: ${res.status} ${await res.text()}`);
    writeFileSync(bodyFile, await res.text());
  } finally {
    await stop(child);
  }
  log(`lesson read response: ${readFileSync(bodyFile).length} bytes of JSON`);

  const runs = [];
  for (const processes of WORKERS) runs.push({ processes, ...(await measureApi(processes, state, bodyFile)) });

  printReport(runs, {
    machine: `${CPUS} CPU${CPUS > 1 ? 's' : ''} (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, PostgreSQL ${version}`,
    data: `data: ${int(counts.users)} learners (sessions for all), ${int(counts.enrolments)} enrolments, ${int(counts.completions)} lesson completions, ${int(counts.events)} learning events, ${int(counts.attempts)} quiz attempts (after seeding)`,
  });
}

try {
  await main();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  for (const child of children) await stop(child);
  await db.end();
  if (!opts.keep) {
    const admin = new pg.Client({ connectionString: `${PG}/postgres` });
    await admin.connect().then(() => admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`)).catch(() => {}).finally(() => admin.end());
  }
  if (process.exitCode) console.error(`API log kept: ${API_LOG}`);
  else rmSync(TMP, { recursive: true, force: true });
}

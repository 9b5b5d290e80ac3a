// Faults during an exam (not a test). Run: npm run bench:exam-day-faults -- [--students 300] [--only api,worker,redis,postgres]
//
// On a throwaway stack of its own (PostgreSQL and Redis on their own ports, never the machine's shared
// ones; two API processes behind the students' failover, one BullMQ worker), one exam round per fault:
//   api       kill -9 of one of the two API processes mid-exam (a supervisor restarts it 1 s later)
//   worker    kill -9 of the worker while certification and data-export jobs run (restarted 1 s later)
//   redis     kill -9 of Redis (append-only file, fsync every second) and a restart 3 s later
//   postgres  PostgreSQL stopped in immediate mode (every connection dropped, crash recovery) and
//             started again 5 s later
// Each round: students sign in, start together, answer pages of two with autosave and submit (right
// answers, so courses complete and certification jobs run; each also asks for a data export). The
// students behave as the web app does: a failed write is sent again, after Retry-After when given.
// Afterwards: every answer a student was told was saved is in the database, nothing is doubled, no
// 500 was ever answered, the longest single request, and how long the platform took to recover.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { rightAnswers, seedStudents, Stats, Student, verify } from './exam-day-load.mjs';
import { API_MAIN, backendEnv, NodeProcess, Postgres, RedisServer, secrets, sleep, waitReady, WORKER_MAIN } from './exam-day-stack.mjs';

const { values: opts } = parseArgs({
  options: {
    students: { type: 'string', default: '300' },
    think: { type: 'string', default: '1-3' },
    only: { type: 'string', default: 'api,worker,redis,postgres' },
  },
});
const STUDENTS = Number(opts.students);
const [THINK_MIN, THINK_MAX] = opts.think.split('-').map(Number);
const FAULTS = opts.only.split(',');
/** Sign-ins spread over 20 s: argon2 makes a sign-in the dearest request, and the faults come after them. */
const RAMP_MS = 20_000;
const COURSE = 'tu-xu-ly-su-co-thiet-bi';
const QUIZ = 'kiem-tra-cuoi-khoa';
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54318);
const REDIS_PORT = Number(process.env.BENCH_REDIS_PORT ?? 63718);
const API_PORT = Number(process.env.BENCH_PORT ?? 3118);

const LOGS = path.join(os.tmpdir(), 'bdhvs-examday-faults-logs');
const t0 = Date.now();
const log = (...a) => console.error(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s]`, ...a);
const think = () => (THINK_MIN + Math.random() * (THINK_MAX - THINK_MIN)) * 1000;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

const postgres = new Postgres(PG_PORT);
const redis = new RedisServer(REDIS_PORT, postgres.dir);
const keys = secrets();
const apiUrl = (i) => `http://127.0.0.1:${API_PORT + i}`;
const env = (port, migrate = false) => backendEnv({ databaseUrl: postgres.url('bdhvs_examday'), redisUrl: redis.url, keys, port, poolSize: 4, migrate });
const apis = [0, 1].map((i) => new NodeProcess(API_MAIN, env(API_PORT + i, i === 0), path.join(postgres.dir, `api-${i}.log`)));
const worker = new NodeProcess(WORKER_MAIN, env(API_PORT + 9), path.join(postgres.dir, 'worker.log'));
let pool;
/** This script's own connections: while PostgreSQL is away, an idle one's error must not end the run. */
function newPool() {
  const p = new pg.Pool({ connectionString: postgres.url('bdhvs_examday'), max: 2 });
  p.on('error', () => undefined);
  return p;
}

/** Polls `url` every 100 ms until it answers 200; each probe's status and duration are kept (a hang or a 500 would show). */
async function untilReady(url, limitMs = 120_000) {
  const started = performance.now();
  const seen = {};
  let longest = 0;
  while (performance.now() - started < limitMs) {
    const probe = performance.now();
    const status = await fetch(url, { signal: AbortSignal.timeout(30_000) }).then((r) => r.status, () => 0);
    longest = Math.max(longest, performance.now() - probe);
    seen[status] = (seen[status] ?? 0) + 1;
    if (status === 200) return { afterMs: performance.now() - started, seen, longestProbeMs: longest };
    await sleep(100);
  }
  throw new Error(`${url} did not recover within ${limitMs} ms`);
}

/** The jobs of these students done exactly once: one export each, ready; one valid record each at most, with its PDF. */
async function jobsOf(students, limitMs = 120_000) {
  const ids = students.map((s) => s.id);
  const started = performance.now();
  for (;;) {
    const [row] = (await pool.query(
      `SELECT (SELECT count(*)::int FROM data_exports WHERE user_id = ANY($1)) AS exports,
              (SELECT count(*)::int FROM data_exports WHERE user_id = ANY($1) AND status = 'done') AS exports_ready,
              (SELECT count(*)::int FROM enrolments WHERE user_id = ANY($1) AND status = 'completed') AS courses_completed,
              (SELECT count(*)::int FROM completion_records WHERE user_id = ANY($1) AND revoked_at IS NULL) AS records,
              (SELECT count(*)::int FROM completion_records WHERE user_id = ANY($1) AND pdf_status = 'ready') AS pdfs_ready,
              (SELECT count(*)::int FROM certificate_files f JOIN completion_records r ON r.id = f.record_id WHERE r.user_id = ANY($1)) AS pdf_files,
              (SELECT count(*)::int FROM (SELECT user_id FROM data_exports WHERE user_id = ANY($1) GROUP BY user_id HAVING count(*) > 1) d) AS doubled_exports`,
      [ids],
    )).rows;
    const settled = row.exports_ready === row.exports && row.pdfs_ready === row.records && row.pdf_files === row.records;
    if (settled || performance.now() - started > limitMs) return { ...row, settledAfterMs: performance.now() - started, settled };
    await sleep(500);
  }
}

/** This script's own query, tried again while the database is away (the students' requests retry by themselves). */
async function untilAnswered(query) {
  for (;;) {
    try {
      return await query();
    } catch {
      await sleep(500);
    }
  }
}

/** One exam round with `fault` applied while it runs. */
async function round(fault, inject) {
  log(`round "${fault}": seeding ${STUDENTS} students`);
  const seeded = await seedStudents(pool, { count: STUDENTS, dataKey: keys.DATA_ENCRYPTION_KEY, course: COURSE });
  const stats = new Stats();
  const students = seeded.map((s, i) => new Student(i, s, [apiUrl(0), apiUrl(1)], stats, { giveUpAfterMs: 300_000 }));
  const failures = [];
  await Promise.all(students.map(async (st, i) => {
    await sleep((i * RAMP_MS) / STUDENTS);
    await st.signIn(COURSE, QUIZ).catch((err) => failures.push(`sign-in: ${err.message}`));
  }));
  await sleep(500);
  log(`round "${fault}": synchronized start, exam, fault`);
  const examStarted = performance.now();
  const faultDone = sleep(3000).then(inject);
  await Promise.all(students.map(async (st) => {
    try {
      await st.start(COURSE, QUIZ);
      const key = await untilAnswered(() => rightAnswers(pool, st.attemptId));
      await st.sit({ pageSize: 2, think, key });
      await st.request('result', 'POST', '/api/me/exports', {});
    } catch (err) {
      failures.push(`${st.phone}: ${err.message}`);
    }
  }));
  const examMs = performance.now() - examStarted;
  const faultReport = await faultDone;
  const check = await verify(pool, students, QUIZ, COURSE);
  const jobs = await jobsOf(students);
  const slowest = stats.table().reduce((a, b) => (b.max > a.max ? b : a));
  return { fault, examMs, faultReport, check, jobs, statuses: stats.byStatus, longestTryMs: stats.longestTryMs, slowest, failures: failures.slice(0, 10) };
}

const injections = {
  /** kill -9 of API process 2; its students fail over to process 1; a supervisor starts it again 1 s later. */
  async api() {
    await apis[1].stop('SIGKILL');
    const killedAt = performance.now();
    await sleep(1000);
    apis[1].start();
    const back = await untilReady(`${apiUrl(1)}/api/ready`);
    return { what: 'kill -9 of API process 2 of 2, restarted after 1 s', recoveryMs: performance.now() - killedAt, probes: back.seen };
  },
  /** kill -9 of the worker while jobs run; BullMQ gives a dead worker's jobs to the next one when their lock expires. */
  async worker() {
    // Let submissions and exports queue jobs first.
    for (let i = 0; i < 100; i++) {
      const [{ n }] = (await pool.query(`SELECT count(*)::int AS n FROM data_exports WHERE status IN ('queued', 'running')`)).rows;
      if (n >= 10) break;
      await sleep(200);
    }
    const [{ open }] = (await pool.query(`SELECT count(*)::int AS open FROM data_exports WHERE status IN ('queued', 'running')`)).rows;
    await worker.stop('SIGKILL');
    await sleep(1000);
    worker.start();
    return { what: `kill -9 of the worker with ${open} exports (and certification jobs) open, restarted after 1 s` };
  },
  async redis() {
    await redis.kill();
    const killedAt = performance.now();
    await sleep(3000);
    await redis.start();
    const back = await untilReady(`${apiUrl(0)}/api/ready`);
    return { what: 'kill -9 of Redis, started again after 3 s (AOF)', recoveryMs: performance.now() - killedAt - 3000, probes: back.seen, longestProbeMs: back.longestProbeMs };
  },
  async postgres() {
    postgres.stop('immediate');
    const stoppedAt = performance.now();
    const during = await probeWhile(`${apiUrl(0)}/api/me/learning`, 5000);
    postgres.start(); // returns once PostgreSQL accepts connections (crash recovery done)
    const startedAt = performance.now();
    const back = await untilReady(`${apiUrl(0)}/api/ready`);
    return {
      what: 'PostgreSQL stopped (immediate: connections dropped, crash recovery), started again after 5 s',
      downMs: startedAt - stoppedAt, recoveryMs: startedAt - stoppedAt - 5000 + back.afterMs, probesWhileDown: during, probesAfter: back.seen, longestProbeMs: Math.max(back.longestProbeMs, during.longestMs),
    };
  },
};

/** Signed-in probes every 200 ms for `ms`: what a learner's request meets while the database is away. */
async function probeWhile(url, ms) {
  const prober = new Student(0, { id: null, phone: null }, [apiUrl(0)], new Stats());
  prober.cookies = probeCookies;
  const seen = {};
  let longestMs = 0;
  let retryAfter = null;
  const until = performance.now() + ms;
  while (performance.now() < until) {
    const started = performance.now();
    const res = await fetch(url, { headers: { cookie: [...prober.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }, signal: AbortSignal.timeout(30_000) }).catch(() => null);
    longestMs = Math.max(longestMs, performance.now() - started);
    const status = res?.status ?? 0;
    seen[status] = (seen[status] ?? 0) + 1;
    if (status === 503) retryAfter = res.headers.get('retry-after');
    if (res) await res.text();
    await sleep(200);
  }
  return { statuses: seen, retryAfter, longestMs };
}
let probeCookies;

async function main() {
  try {
    postgres.init();
    const admin = new pg.Client({ connectionString: postgres.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE bdhvs_examday');
    await admin.end();
    await redis.start();
    log('migrating and importing the shipped content');
    apis[0].start();
    await waitReady(`${apiUrl(0)}/api/ready`, 300, 'API 1', apis[0].child);
    apis[1].start();
    await waitReady(`${apiUrl(1)}/api/ready`, 60, 'API 2', apis[1].child);
    worker.start();
    pool = newPool();
    // A signed-in learner for the probes of the database round.
    const [prober] = await seedStudents(pool, { count: 1, dataKey: keys.DATA_ENCRYPTION_KEY, course: COURSE });
    const probe = new Student(0, prober, [apiUrl(0)], new Stats());
    await probe.signIn(COURSE, QUIZ);
    probeCookies = probe.cookies;

    const results = [];
    for (const fault of FAULTS) {
      const r = await round(fault, injections[fault]);
      results.push(r);
      log(`round "${fault}" done: ${JSON.stringify(r)}`);
      // The pool of this script lost its connections in the database round.
      if (fault === 'postgres') {
        await pool.end().catch(() => undefined);
        pool = newPool();
      }
    }
    console.log(`\nExam-day faults: ${STUDENTS} students per round, pages of 2, ${opts.think} s per page, 2 API processes (DB pool 4 each), 1 worker\n`);
    console.log('| fault | recorded | lost answers | doubled | 500s | 503s | longest single try | slowest phase (p99 / max, retries included) | recovery | jobs (exports done / records with PDF) |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |');
    for (const r of results) {
      const recovery = r.faultReport.recoveryMs !== undefined ? seconds(r.faultReport.recoveryMs) : `jobs settled ${seconds(r.jobs.settledAfterMs)} after the exam`;
      console.log(`| ${r.faultReport.what} | ${r.check.recorded}/${r.check.students} | ${r.check.lostAnswers} | ${r.check.doubled} | ${r.statuses[500] ?? 0} | ${r.statuses[503] ?? 0} | ${seconds(r.longestTryMs)} | ${r.slowest.phase} ${seconds(r.slowest.p99)} / ${seconds(r.slowest.max)} | ${recovery} | ${r.jobs.exports_ready}/${r.jobs.exports} exports done, ${r.jobs.pdf_files}/${r.jobs.records} PDFs, ${r.jobs.doubled_exports} doubled${r.jobs.settled ? '' : ' (NOT settled)'} |`);
    }
    const pgRound = results.find((r) => r.fault === 'postgres');
    if (pgRound) console.log(`\nWhile PostgreSQL was away, a signed-in request every 200 ms got ${JSON.stringify(pgRound.faultReport.probesWhileDown.statuses)} (Retry-After: ${pgRound.faultReport.probesWhileDown.retryAfter}), longest ${seconds(pgRound.faultReport.longestProbeMs)}; ready again ${seconds(pgRound.faultReport.recoveryMs)} after PostgreSQL was started (crash recovery included).`);
    for (const r of results) for (const f of [...r.failures, ...r.check.problems.slice(0, 5)]) console.log(`  ${r.fault}: ${f}`);
    const bad = results.some((r) => r.check.lostAnswers || r.check.doubled || r.check.notSubmitted || r.statuses[500] || r.jobs.doubled_exports);
    process.exitCode = bad ? 1 : 0;
  } finally {
    await pool?.end().catch(() => undefined);
    for (const p of [...apis, worker]) await p.stop();
    await redis.kill();
    // The processes' logs outlive the throwaway stack, for a look at what the faults did.
    mkdirSync(LOGS, { recursive: true });
    for (const f of readdirSync(postgres.dir).filter((f) => f.endsWith('.log'))) copyFileSync(path.join(postgres.dir, f), path.join(LOGS, f));
    console.error(`logs: ${LOGS}`);
    postgres.destroy();
  }
}

await main().catch((err) => {
  console.error(err);
  process.exitCode = 2;
});

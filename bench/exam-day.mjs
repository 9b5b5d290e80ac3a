// The exam-day benchmark (not a test). Run: npm run bench:exam-day -- [options]   (see bench/README.md)
//
// Modelled on Moodle's published quiz load test: students sign in through the real API during a
// ramp, open the quiz page, start the same quiz in the same second, answer pages of two questions
// with think time, autosave each page, submit and read the result. Prints p50/p95/p99 and errors per
// phase, CPU per request of the API and of PostgreSQL, then checks in the database that every
// student has exactly one submitted attempt holding exactly the answers sent. Exits 1 on a lost or
// doubled answer (never on time).
//
// By default it runs its own throwaway stack (PostgreSQL and Redis on their own ports, the built
// API); with --api and --database-url (and BENCH_DATA_KEY) it drives an API that is already running.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { cpuSnapshot, seedStudents, Stats, Student, verify } from './exam-day-load.mjs';
import { API_MAIN, backendEnv, NodeProcess, Postgres, RedisServer, secrets, sleep, waitReady } from './exam-day-stack.mjs';

const { values: opts } = parseArgs({
  options: {
    students: { type: 'string', default: '5000' },
    ramp: { type: 'string', default: '300' }, // seconds over which the students sign in
    think: { type: 'string', default: '30-90' }, // seconds per page, uniform in the range
    'page-size': { type: 'string', default: '2' },
    'api-processes': { type: 'string', default: '1' },
    'db-pool': { type: 'string', default: String(4 * (os.availableParallelism?.() ?? os.cpus().length)) },
    course: { type: 'string', default: 'tu-xu-ly-su-co-thiet-bi' },
    quiz: { type: 'string', default: 'kiem-tra-cuoi-khoa' },
    api: { type: 'string' },
    'database-url': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const STUDENTS = Number(opts.students);
const RAMP_S = Number(opts.ramp);
const [THINK_MIN, THINK_MAX] = opts.think.split('-').map(Number);
const PAGE_SIZE = Number(opts['page-size']);
const API_PROCESSES = Number(opts['api-processes']);
const DB_POOL = Number(opts['db-pool']);
const EXTERNAL = Boolean(opts.api);
if (!(STUDENTS > 0) || !(RAMP_S >= 0) || !(THINK_MIN >= 0) || !(THINK_MAX >= THINK_MIN) || !(PAGE_SIZE > 0) || !(API_PROCESSES > 0)
    || EXTERNAL !== Boolean(opts['database-url']) || (EXTERNAL && !process.env.BENCH_DATA_KEY)) {
  console.error('usage: node bench/exam-day.mjs [--students 5000] [--ramp 300] [--think 30-90] [--page-size 2] [--api-processes 1] [--db-pool 8]\n'
    + '       [--course slug --quiz slug] [--api http://host:port --database-url postgres://… (BENCH_DATA_KEY=base64 key)] [--json]');
  process.exit(2);
}
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54318);
const REDIS_PORT = Number(process.env.BENCH_REDIS_PORT ?? 63718);
const API_PORT = Number(process.env.BENCH_PORT ?? 3118);

const t0 = Date.now();
const log = (...a) => console.error(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s]`, ...a);
const think = () => (THINK_MIN + Math.random() * (THINK_MAX - THINK_MIN)) * 1000;

/** The stack: its own PostgreSQL, Redis and API processes, or the given API and database. */
async function stack() {
  if (EXTERNAL) return { apis: [opts.api], databaseUrl: opts['database-url'], dataKey: process.env.BENCH_DATA_KEY, processes: [], postgres: null, stop: async () => undefined };
  const postgres = new Postgres(PG_PORT);
  const redis = new RedisServer(REDIS_PORT);
  const processes = [];
  const stop = async () => {
    for (const p of processes) await p.stop();
    await redis.kill();
    postgres.destroy();
  };
  try {
    postgres.init();
    await execSql(postgres.url(), 'CREATE DATABASE bdhvs_examday');
    await redis.start();
    const keys = secrets();
    const env = (port, migrate) => backendEnv({ databaseUrl: postgres.url('bdhvs_examday'), redisUrl: redis.url, keys, port, poolSize: Math.max(1, Math.round(DB_POOL / API_PROCESSES)), migrate });
    log('migrating and importing the shipped content');
    const first = new NodeProcess(API_MAIN, env(API_PORT, true), path.join(postgres.dir, 'api-0.log')).start();
    processes.push(first);
    await waitReady(`http://127.0.0.1:${API_PORT}/api/ready`, 300, 'the API', first.child);
    for (let i = 1; i < API_PROCESSES; i++) {
      const p = new NodeProcess(API_MAIN, env(API_PORT + i, false), path.join(postgres.dir, `api-${i}.log`)).start();
      processes.push(p);
      await waitReady(`http://127.0.0.1:${API_PORT + i}/api/ready`, 60, 'the API', p.child);
    }
    return { apis: processes.map((_, i) => `http://127.0.0.1:${API_PORT + i}`), databaseUrl: postgres.url('bdhvs_examday'), dataKey: keys.DATA_ENCRYPTION_KEY, processes, postgres, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function execSql(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql);
  await client.end();
}

async function main() {
  const s = await stack();
  const pool = new pg.Pool({ connectionString: s.databaseUrl, max: 2 });
  try {
    log(`seeding ${STUDENTS} students enrolled in ${opts.course}, every lesson done`);
    const seeded = await seedStudents(pool, { count: STUDENTS, dataKey: s.dataKey, course: opts.course });
    const stats = new Stats();
    const students = seeded.map((st, i) => new Student(i, st, s.apis, stats));
    const failures = [];
    const fail = (student, what) => (err) => failures.push(`${student.phone} ${what}: ${err.message}`);

    // 1. The ramp: everyone signs in and opens the quiz page, spread evenly.
    log(`ramp: ${STUDENTS} sign-ins over ${RAMP_S} s`);
    const cpuRamp = cpuSnapshot(s.processes, s.postgres);
    const rampStart = performance.now();
    const signedIn = await Promise.all(students.map(async (st, i) => {
      await sleep(rampStart + (i * RAMP_S * 1000) / STUDENTS - performance.now());
      return st.signIn(opts.course, opts.quiz).then(() => true, (err) => (fail(st, 'sign-in')(err), false));
    }));
    const cpuSignedIn = cpuSnapshot(s.processes, s.postgres);
    const present = students.filter((_, i) => signedIn[i]);

    // 2. The synchronized start: every signed-in student at the same instant. Its CPU is counted from the
    // start itself, not over the second before (the API's late compilations and PostgreSQL's autovacuum of the ramp).
    await sleep(1000);
    const cpuStart = cpuSnapshot(s.processes, s.postgres);
    log(`start: ${present.length} students at once`);
    const startedOk = await Promise.all(present.map((st) => st.start(opts.course, opts.quiz).then(() => true, (err) => (fail(st, 'start')(err), false))));
    const cpuStarted = cpuSnapshot(s.processes, s.postgres);
    const startWindowS = (cpuStarted.at - cpuStart.at) / 1000;

    // 3. The exam: pages with think time and autosave, submission, result.
    log(`exam: pages of ${PAGE_SIZE} questions, ${opts.think} s each`);
    await Promise.all(present.filter((_, i) => startedOk[i]).map((st) => st.sit({ pageSize: PAGE_SIZE, think }).catch(fail(st, 'exam'))));
    const cpuEnd = cpuSnapshot(s.processes, s.postgres);

    log('checking every attempt in the database');
    const check = await verify(pool, students, opts.quiz, opts.course);
    const table = stats.table();
    const count = (phases) => table.filter((r) => phases.includes(r.phase)).reduce((n, r) => n + r.requests, 0);
    const per = (a, b, n) => (n ? (((b - a) * 1000) / n).toFixed(2) : '–');
    const cpu = {
      signIn: { requests: count(['sign-in', 'quiz page']), api: per(cpuRamp.api, cpuSignedIn.api, count(['sign-in', 'quiz page'])), pg: per(cpuRamp.pg, cpuSignedIn.pg, count(['sign-in', 'quiz page'])) },
      start: { requests: count(['start']), api: per(cpuStart.api, cpuStarted.api, count(['start'])), pg: per(cpuStart.pg, cpuStarted.pg, count(['start'])), windowSeconds: startWindowS.toFixed(2) },
      exam: { requests: count(['save', 'submit', 'result']), api: per(cpuStarted.api, cpuEnd.api, count(['save', 'submit', 'result'])), pg: per(cpuStarted.pg, cpuEnd.pg, count(['save', 'submit', 'result'])) },
    };
    const report = { students: STUDENTS, ramp: RAMP_S, think: opts.think, apiProcesses: EXTERNAL ? 'external' : API_PROCESSES, table, cpu, check, failures: failures.slice(0, 20), statuses: stats.byStatus };
    if (opts.json) {
      console.log(JSON.stringify(report));
    } else {
      const ms = (v) => (Number.isNaN(v) ? '–' : `${Math.round(v)} ms`);
      console.log(`\nExam day: ${STUDENTS} students, ${RAMP_S} s sign-in ramp, synchronized start, pages of ${PAGE_SIZE}, ${opts.think} s per page, ${EXTERNAL ? 'external API' : `${API_PROCESSES} API process(es), DB pool ${DB_POOL}`}, ${os.availableParallelism?.() ?? os.cpus().length} CPUs\n`);
      console.log('| phase | requests | p50 | p95 | p99 | max | errors |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
      for (const r of table) console.log(`| ${r.phase} | ${r.requests} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.errors} |`);
      if (!EXTERNAL) {
        console.log('\n| CPU per request (ms) | requests | API | PostgreSQL |\n| --- | ---: | ---: | ---: |');
        console.log(`| sign-in ramp (csrf + login + quiz page) | ${cpu.signIn.requests} | ${cpu.signIn.api} | ${cpu.signIn.pg} |`);
        console.log(`| synchronized start (all answered in ${cpu.start.windowSeconds} s) | ${cpu.start.requests} | ${cpu.start.api} | ${cpu.start.pg} |`);
        console.log(`| exam (saves, submissions, results) | ${cpu.exam.requests} | ${cpu.exam.api} | ${cpu.exam.pg} |`);
      }
      console.log(`\nRecorded: ${check.recorded} of ${check.students} (one submitted attempt with exactly the answers sent); lost answers ${check.lostAnswers}, doubled ${check.doubled}, not submitted ${check.notSubmitted}`);
      console.log(`HTTP statuses seen: ${JSON.stringify(stats.byStatus)}`);
      for (const f of [...failures.slice(0, 10), ...check.problems.slice(0, 10)]) console.log(`  ${f}`);
    }
    process.exitCode = check.lostAnswers || check.doubled ? 1 : 0;
  } finally {
    await pool.end();
    await s.stop();
  }
}

await main().catch((err) => {
  console.error(err);
  process.exitCode = 2;
});


// Lighthouse mobile on the built web app (not a test). Run: npm run bench:lighthouse [-- --runs 3] [-- --pglite]
//
// Starts the built API (which serves the web app) on the local PostgreSQL (a throwaway database) or on
// PGlite, with the demo accounts and the shipped courses, then runs Lighthouse's mobile preset (its
// default simulated throttling: 150 ms round trips, 1.6 Mbit/s, CPU ÷ 4) on the signed-out home page,
// the catalogue, a course page, a lesson page signed in and a verification page, and prints each
// figure beside the issue's targets. A second table loads pages as a first visit over 400 kbit/s with
// 400 ms round trips (Chrome's own network and CPU throttling, not simulated) and checks that content
// shows within 4 s. Chromium is Debian's (/usr/bin/chromium, or CHROME_PATH); nothing is downloaded.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import pg from 'pg';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const RUNS = Number(option('runs', '1'));
const PGLITE = args.includes('--pglite');
const PORT = Number(process.env.BENCH_PORT ?? 3193);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DATABASE = 'bdhvs_lighthouse';
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const COURSE = option('course', 'nhan-biet-lua-dao-truc-tuyen');
const BASE = `http://127.0.0.1:${PORT}`;
const DEMO = { learner: '0900000001', admin: '0900000003', password: 'HocVuSo@2026' };
const TARGETS = { performance: 95, cls: 0.05, accessibility: 100, firstVisitMs: 4000 };
/** The issue's weak connection, applied by Chrome itself to every request (latency is per round trip). */
const WEAK = { requestLatencyMs: 400, downloadThroughputKbps: 400, uploadThroughputKbps: 400, cpuSlowdownMultiplier: 4 };

const log = (...a) => console.error(...a);

for (const file of ['backend/dist/backend/src/main.js', 'frontend/dist/index.html']) {
  if (!existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: run npm run build first (npm run bench:lighthouse does)`);
}
if (!existsSync(CHROME)) throw new Error(`no Chromium at ${CHROME}: apt-get install chromium (bash scripts/ensure-services.sh does)`);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bdhvs-lighthouse-'));
let api;
let chrome;
try {
  if (!PGLITE) await recreateDatabase();
  api = await startApi();
  const pages = await preparePages();
  chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const rows = [];
  const only = option('only', '');
  for (const p of pages.filter((x) => !only || x.url.includes(only) || x.name.includes(only))) rows.push({ ...p, ...(await median(p, null)) });
  const weak = [];
  for (const p of pages.filter((x) => x.firstVisit && (!only || x.url.includes(only) || x.name.includes(only)) && !args.includes('--no-weak'))) weak.push({ ...p, ...(await median(p, WEAK)) });
  printTables(rows, weak);
} finally {
  await chrome?.kill();
  api?.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
  if (!PGLITE && !args.includes('--keep')) await dropDatabase().catch(() => undefined);
}

async function recreateDatabase() {
  const admin = new pg.Client({ connectionString: `${PG_URL}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
}

async function dropDatabase() {
  const admin = new pg.Client({ connectionString: `${PG_URL}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.end();
}

/** The built API with the web app, its migrations, the demo accounts and the shipped courses. */
async function startApi() {
  log(`starting the API on ${BASE} (${PGLITE ? 'PGlite' : `PostgreSQL database ${DATABASE}`}) …`);
  // Jobs (the record's certification) run inside the API: no Redis.
  const { REDIS_URL: _redis, DATABASE_URL: _database, ...inherited } = process.env;
  const env = {
    ...inherited, PORT: String(PORT), HOST: '127.0.0.1', NODE_ENV: 'development', MIGRATE_ON_BOOT: 'true', SEED_DEMO: 'true', LOG_LEVEL: 'warn',
    PGLITE_DIR: path.join(dataDir, 'pglite'), PUBLIC_URL: BASE,
    ...(!PGLITE && { DATABASE_URL: `${PG_URL}/${DATABASE}` }),
  };
  const child = spawn(process.execPath, [path.join(ROOT, 'backend/dist/backend/src/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    const ready = await fetch(`${BASE}/api/ready`).then((r) => r.ok, () => false);
    if (ready) return child;
    await new Promise((r) => setTimeout(r, 1000));
  }
  child.kill();
  throw new Error('the API was not ready after 5 minutes');
}

/** A signed-in browser-like client of the API (cookies and the CSRF header). */
async function signIn(login) {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = () => decodeURIComponent(jar.get('csrf_token') ?? '');
  const call = async (method, url, body) => {
    const res = keep(await fetch(`${BASE}${url}`, {
      method, headers: { cookie: cookie(), 'x-csrf-token': csrf(), 'idempotency-key': randomUUID(), ...(body && { 'content-type': 'application/json' }) }, body: body && JSON.stringify(body),
    }));
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : res.json();
  };
  keep(await fetch(`${BASE}/api/auth/csrf`));
  await call('POST', '/api/auth/login', { login, password: DEMO.password });
  return { call, sid: jar.get('sid') };
}

/** The pages to measure; the learner is enrolled in the course (first lesson done) and, on PostgreSQL, holds a record to verify. */
async function preparePages() {
  const learner = await signIn(DEMO.learner);
  const course = await learner.call('GET', `/api/courses/${COURSE}`);
  await learner.call('POST', `/api/courses/${COURSE}/enrolment`).catch(() => undefined);
  const [first, second] = course.lessons;
  await learner.call('PUT', `/api/courses/${COURSE}/lessons/${first.slug}/completion`, {});
  const lesson = second ?? first;
  const code = PGLITE ? null : await issueRecord(learner).catch((err) => log(`no record to verify (${err.message}); measuring the page with an unknown code`));
  const cookie = { Cookie: `sid=${learner.sid}` };
  return [
    { name: 'home', url: '/', firstVisit: true },
    { name: 'catalogue', url: '/khoa-hoc', firstVisit: true },
    { name: 'course page', url: `/khoa-hoc/${COURSE}`, firstVisit: true },
    { name: 'lesson (signed in)', url: `/khoa-hoc/${COURSE}/bai/${lesson.slug}`, headers: cookie },
    { name: code ? 'verification' : 'verification (unknown code)', url: `/verify/${code ?? 'AAAA-BBBB-CCCC'}`, firstVisit: true },
  ];
}

/**
 * A completion record for the demo learner, as a citizen gets one: an achievable policy set by the demo
 * national administrator, then the self-assessment answered right (the keys read from the database, as
 * only the server can) and handed in.
 */
async function issueRecord(learner) {
  const admin = await signIn(DEMO.admin);
  await admin.call('PUT', '/api/admin/certification-policies/citizen', {
    requiredCourses: [], minOverallScore: 50, minDomainScore: 30, requireProfileLevels: false,
    questionsPerCompetency: 1, selfRatingWeight: 30, maxAttempts: null, cooldownHours: 0, timeLimitMinutes: null,
  });
  const attempt = await learner.call('POST', '/api/self-assessment/attempts');
  const db = new pg.Client({ connectionString: `${PG_URL}/${DATABASE}` });
  await db.connect();
  try {
    const [row] = (await db.query('SELECT questions FROM assessment_attempts WHERE id = $1', [attempt.id])).rows;
    const bank = (await db.query('SELECT id, type, competency, payload FROM questions WHERE id = ANY($1)', [row.questions.map((q) => q.questionId)])).rows;
    const byId = new Map(bank.map((q) => [q.id, q]));
    const answers = {};
    const ratings = {};
    for (const d of row.questions) {
      const q = byId.get(d.questionId);
      ratings[q.competency] = 4;
      const options = q.payload.options ?? [];
      const keyOf = (optionId) => d.options.find((o) => o.optionId === optionId).key;
      if (q.type === 'ordering') answers[d.questionId] = { order: options.map((o) => keyOf(o.id)) };
      else if (q.type === 'short_text') answers[d.questionId] = { text: q.payload.accepted[0] };
      else if (q.type === 'numerical') answers[d.questionId] = { text: String(q.payload.numbers.find((n) => n.weight === 100).value) };
      else if (q.type === 'matching') answers[d.questionId] = { matches: Object.fromEntries(d.left.map((l) => [l.key, d.right.find((r) => r.pair === l.pair).key])) };
      else answers[d.questionId] = { choices: options.filter((o) => o.correct).map((o) => keyOf(o.id)) };
    }
    for (const c of attempt.competencies ?? []) ratings[c.code] ??= 4;
    await learner.call('POST', `/api/self-assessment/attempts/${attempt.id}/submission`, { ratings, answers });
    for (let i = 0; i < 60; i++) {
      const { rows } = await db.query('SELECT code FROM completion_records WHERE assessment_attempt_id = $1', [attempt.id]);
      if (rows[0]) return rows[0].code;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error('the record was not issued');
  } finally {
    await db.end();
  }
}

/** One Lighthouse run: mobile preset; `weak` swaps the simulated throttling for Chrome's own at the issue's weak connection. */
async function run(page, weak) {
  const config = {
    extends: 'lighthouse:default',
    settings: {
      onlyCategories: ['performance', 'accessibility'],
      ...(weak && { throttlingMethod: 'devtools', throttling: weak }),
    },
  };
  const { lhr } = await lighthouse(`${BASE}${page.url}`, { port: chrome.port, logLevel: 'error', extraHeaders: page.headers }, config);
  if (lhr.runtimeError) throw new Error(`${page.url}: ${lhr.runtimeError.message}`);
  const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    performance: Math.round(lhr.categories.performance.score * 100),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    cls: audit('cumulative-layout-shift'),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    bytes: audit('total-byte-weight'),
    // `--details`: what the largest paint was, what moved, and the long tasks.
    details: {
      lcp: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet,
      shifts: (lhr.audits["layout-shifts"]?.details?.items ?? []).map((i) => `${i.score?.toFixed(3)} ${i.node?.selector ?? ""} ${i.node?.nodeLabel?.slice(0, 60) ?? ""}`),
      longTasks: (lhr.audits['long-tasks']?.details?.items ?? []).slice(0, 8).map((i) => `${Math.round(i.duration)} ms ${i.url}`),
      mainThread: (lhr.audits['mainthread-work-breakdown']?.details?.items ?? []).map((i) => `${Math.round(i.duration)} ms ${i.group}`),
      scripts: (lhr.audits['bootup-time']?.details?.items ?? []).map((i) => `${Math.round(i.scripting)} ms run, ${Math.round(i.scriptParseCompile)} ms compile: ${i.url}`),
    },
    // Lighthouse's CPU benchmark of this machine at the time (a quiet desktop scores 1,000–2,000): the simulated CPU is this ÷ 4.
    benchmarkIndex: lhr.environment.benchmarkIndex,
    failing: lhr.categories.accessibility.auditRefs.filter((r) => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1).map((r) => r.id),
  };
}

/** The median run by performance score (or by LCP on the weak connection) of `--runs`. */
async function median(page, weak) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    log(`lighthouse ${weak ? '400 kbit/s, 400 ms' : 'mobile'}: ${page.url} (${i + 1}/${RUNS})`);
    runs.push(await run(page, weak));
  }
  runs.sort((a, b) => (weak ? a.lcp - b.lcp : a.performance - b.performance));
  return runs[Math.floor(runs.length / 2)];
}

function printTables(rows, weak) {
  const ms = (v) => `${(v / 1000).toFixed(2)} s`;
  const table = (title, header, lines) => {
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
    console.log(`\n${title}\n`);
    console.log(header.map((h, i) => h.padEnd(widths[i])).join('  '));
    console.log(widths.map((w) => '─'.repeat(w)).join('  '));
    for (const l of lines) console.log(l.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  '));
  };
  const bench = rows.map((r) => r.benchmarkIndex);
  console.log(`\nLighthouse's CPU benchmark (benchmarkIndex) during the runs: ${Math.min(...bench)}–${Math.max(...bench)}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}`);
  table(
    `Lighthouse mobile (simulated slow 4G, CPU ÷ 4), median of ${RUNS}; targets: performance ≥ ${TARGETS.performance}, CLS < ${TARGETS.cls}, accessibility ${TARGETS.accessibility}`,
    ['page', 'performance', 'CLS', 'accessibility', 'FCP', 'LCP', 'TBT', 'total KB', 'result'],
    rows.map((r) => {
      const pass = r.performance >= TARGETS.performance && r.cls < TARGETS.cls && r.accessibility >= TARGETS.accessibility;
      return [r.name, r.performance, r.cls.toFixed(3), r.accessibility, ms(r.fcp), ms(r.lcp), `${Math.round(r.tbt)} ms`, (r.bytes / 1024).toFixed(0), pass ? 'PASS' : 'MISS'];
    }),
  );
  for (const r of rows.filter((x) => x.failing.length)) console.log(`  ${r.name}: accessibility audits failing: ${r.failing.join(', ')}`);
  if (args.includes('--details')) for (const r of [...rows, ...weak]) console.log(`\n${r.name}: ${JSON.stringify(r.details, null, 2)}`);
  table(
    `First visit at 400 kbit/s and 400 ms round trips (Chrome's throttling, CPU ÷ 4), median of ${RUNS}; target: content shown (first contentful paint) < ${TARGETS.firstVisitMs / 1000} s`,
    ['page', 'FCP', 'LCP', 'total KB', 'result'],
    weak.map((r) => [r.name, ms(r.fcp), ms(r.lcp), (r.bytes / 1024).toFixed(0), r.fcp < TARGETS.firstVisitMs ? 'PASS' : 'MISS']),
  );
}

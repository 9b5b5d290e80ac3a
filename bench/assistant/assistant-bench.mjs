#!/usr/bin/env node
/**
 * The learning assistant's benchmark: retrieval quality on bench/assistant/questions.tsv and the
 * latency of passage answers with many people asking at once. Prints figures beside the goals; never fails.
 *
 *   npm run build -w backend && node bench/assistant/assistant-bench.mjs [--connections 100] [--seconds 20]
 *
 * It starts the built API on the embedded default (PGlite in a temporary folder, no Redis, no model),
 * which imports the shipped courses and builds the passage index, signs in the demo learner and:
 *   1. asks every question of the set once and reads the index's ranking of lessons (recall@1, recall@3),
 *      and the lessons the answer itself cites;
 *   2. drives POST /api/assistant/questions with `--connections` concurrent askers (autocannon) for
 *      `--seconds`, rotating through the set, and prints p50/p95/p99 and the rate.
 * BENCH_DATABASE_URL=postgres://… runs it on PostgreSQL instead. Port: BENCH_PORT (default 3121).
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'backend/dist/backend/src');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CONNECTIONS = arg('connections', 100);
const SECONDS = arg('seconds', 20);
const PORT = Number(process.env.BENCH_PORT ?? 3121);
const BASE = `http://127.0.0.1:${PORT}`;
const log = (...a) => console.error('·', ...a);

const questions = readFileSync(path.join(ROOT, 'bench/assistant/questions.tsv'), 'utf8')
  .split('\n').filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => { const [q, lessons] = l.split('\t'); return { question: q, lessons: lessons.split(' ') }; });

const dataDir = mkdtempSync(path.join(tmpdir(), 'bdhvs-assistant-bench-'));
const env = {
  ...process.env, NODE_ENV: 'development', PORT: String(PORT), HOST: '127.0.0.1', PGLITE_DIR: path.join(dataDir, 'pglite'),
  MIGRATE_ON_BOOT: 'true', SEED_DEMO: 'true', LOG_LEVEL: 'warn', WEB_DIST: '/nonexistent',
  RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
  ASSISTANT_PER_PERSON_PER_HOUR: '100000000', ASSISTANT_PER_ADDRESS_PER_HOUR: '100000000',
  ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
};
delete env.REDIS_URL;
delete env.DATABASE_URL;
if (process.env.BENCH_DATABASE_URL) env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
for (const k of ['ASSISTANT_MODEL_URL', 'ASSISTANT_MODEL', 'ASSISTANT_MODEL_KEY']) delete env[k];

log(`starting the API on ${env.DATABASE_URL ? 'PostgreSQL' : 'the embedded PGlite'} (port ${PORT})`);
// BENCH_API_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the API while it answers.
const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
const api = spawn(process.execPath, [...nodeArgs, path.join(DIST, 'main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
const stop = () => { api.kill('SIGTERM'); rmSync(dataDir, { recursive: true, force: true }); };
process.on('exit', stop);

try {
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error('the API did not start');
    try { if ((await fetch(`${BASE}/api/health`)).ok) break; } catch { /* not yet */ }
    await sleep(500);
  }

  // Signed in as the demo learner: the session cookie and the CSRF token bound to it.
  const cookies = new Map();
  const keep = (res) => { for (const c of res.headers.getSetCookie()) { const [pair] = c.split(';'); const [k, v] = pair.split('='); cookies.set(k, v); } };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  keep(await fetch(`${BASE}/api/auth/csrf`));
  const login = await fetch(`${BASE}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': cookies.get('csrf_token'), cookie: cookieHeader() }, body: JSON.stringify({ login: '0900000001', password: 'HocVuSo@2026' }) });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  keep(login);
  const headers = { 'content-type': 'application/json', 'x-csrf-token': cookies.get('csrf_token'), cookie: cookieHeader() };

  // 1. Quality: the index's ranking (what recall measures) in this process, and the answers' citations over HTTP.
  const require = createRequire(import.meta.url);
  const { PassageRanker } = require(path.join(DIST, 'modules/assistant/retrieval/passage-ranker.js'));
  const { splitLesson } = require(path.join(DIST, 'modules/assistant/retrieval/passage-splitter.js'));
  const { readContent } = require(path.join(DIST, 'modules/content/files/content-reader.js'));
  const { foldVietnamese } = require(path.join(DIST, 'common/text/normalize.js'));
  const content = await readContent(path.join(ROOT, 'content'));
  const ranker = new PassageRanker(content.courses.flatMap((c) => c.lessons.flatMap((l) => splitLesson(l.title, l.body).map((p) => ({
    id: `${c.slug}/${l.slug}#${p.anchor}#${p.position}`, lessonId: `${c.slug}/${l.slug}`, heading: foldVietnamese(p.heading), folded: foldVietnamese(p.text), lessonFolded: foldVietnamese(`${l.title} . ${c.title}`),
  })))));
  let r1 = 0, r3 = 0, cited1 = 0, citedAny = 0, none = 0;
  for (const q of questions) {
    const ranked = [...new Set(ranker.rank(q.question, 30).map((r) => r.lessonId))];
    if (q.lessons.includes(ranked[0])) r1++;
    if (ranked.slice(0, 3).some((l) => q.lessons.includes(l))) r3++;
    const res = await fetch(`${BASE}/api/assistant/questions`, { method: 'POST', headers, body: JSON.stringify({ question: q.question }) });
    const answer = await res.json();
    const lessons = (answer.citations ?? []).map((c) => `${c.courseSlug}/${c.lessonSlug}`);
    if (q.lessons.includes(lessons[0])) cited1++;
    if (lessons.some((l) => q.lessons.includes(l))) citedAny++;
    if (answer.mode === 'none') none++;
  }
  const n = questions.length;

  // 2. Latency of passage answers under concurrent askers.
  log(`driving ${CONNECTIONS} concurrent askers for ${SECONDS} s`);
  let next = 0;
  const latencies = [];
  const cpuBefore = cpuMs(api.pid);
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon({
      url: BASE, connections: CONNECTIONS, duration: SECONDS,
      requests: [{ method: 'POST', path: '/api/assistant/questions', headers, setupRequest: (req) => ({ ...req, body: JSON.stringify({ question: questions[next++ % n].question }) }) }],
    }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('error', reject);
    // Every response's time, for exact percentiles (autocannon's summary has p90 and p97.5, not p95).
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  const apiCpuPerAnswer = (cpuMs(api.pid) - cpuBefore) / Math.max(1, latencies.length);
  latencies.sort((a, b) => a - b);
  const at = (p) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN);

  const pct = (x) => `${(100 * x).toFixed(1)} %`;
  console.log(`\nLearning assistant (${env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}, no model: passage answers), ${n} questions\n`);
  console.log('| figure | measured | goal |');
  console.log('| --- | --- | --- |');
  console.log(`| recall@1 (index ranking) | ${(r1 / n).toFixed(3)} | ≥ 0.85 |`);
  console.log(`| recall@3 (index ranking) | ${(r3 / n).toFixed(3)} | ≥ 0.95 |`);
  console.log(`| answer's first citation is an answering lesson | ${pct(cited1 / n)} | |`);
  console.log(`| an answering lesson among the answer's citations | ${pct(citedAny / n)} | |`);
  console.log(`| answered "no lesson speaks of it" | ${none} of ${n} | 0 |`);
  console.log(`| p50 / p95 / p99 latency, ${CONNECTIONS} concurrent askers | ${at(50)} / ${at(95)} / ${at(99)} ms | p95 < 300 ms |`);
  console.log(`| answers per second | ${Math.round(result.requests.average)} | |`);
  console.log(`| API CPU per answer (all threads) | ${apiCpuPerAnswer.toFixed(1)} ms | |`);
  console.log(`| machine load average (1 min) during the run | ${loadavg()[0].toFixed(1)} on ${cpus().length} cores | |`);
  console.log(`| errors / non-2xx | ${result.errors} / ${result.non2xx} | 0 |`);
} finally {
  stop();
}

/** User + system CPU of a process so far, in milliseconds (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

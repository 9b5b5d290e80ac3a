// The students of the exam-day benches: seeded into the database, then each one a browser-like
// client of the real API (cookies, CSRF header, retries like the web app's outbox), with the phases
// timed and the answers the API acknowledged kept for the check in the database afterwards.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { API_MAIN, sleep } from './exam-day-stack.mjs';

const requireBackend = createRequire(API_MAIN);
export const PASSWORD = 'Thi-cuoi-khoa-2026';
export const PHASES = ['sign-in', 'quiz page', 'start', 'save', 'submit', 'result'];

/**
 * Students as the platform stores them (contacts sealed with the run's DATA_ENCRYPTION_KEY, one
 * argon2id hash for all), enrolled in the course with every lesson done, set-based in one transaction.
 */
export async function seedStudents(pool, { count, dataKey, course }) {
  const { PersonalDataCipher } = requireBackend('./modules/users/personal-data.cipher.js');
  const { hashPassword } = requireBackend('./modules/users/password-hasher.js');
  const { CONSENT } = requireBackend('./modules/auth/consent.js');
  const cipher = new PersonalDataCipher(Buffer.from(dataKey, 'base64'));
  const block = 10 + Math.floor(Math.random() * 90); // phones 09<block><6 digits>, another block each run
  const students = Array.from({ length: count }, (_, i) => ({ id: randomUUID(), phone: `09${block}${String(i).padStart(6, '0')}` }));
  const hash = await hashPassword(PASSWORD);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `WITH c AS (SELECT array_agg(id ORDER BY code) AS ids, array_agg(parent_id ORDER BY code) AS parents FROM admin_units WHERE level = 'commune')
       INSERT INTO users (id, phone_enc, phone_hash, password_hash, password_changed_at, full_name, birth_year, target_group, unit_id, province_id,
                          consent_version, consent_at, created_at, updated_at)
       SELECT s.id, s.enc, s.hash, $4, now(), 'Thí sinh ' || s.n, 1990, 'citizen', c.ids[1 + s.n % array_length(c.ids, 1)],
              c.parents[1 + s.n % array_length(c.ids, 1)], $5, now(), now(), now()
         FROM unnest($1::uuid[], $2::bytea[], $3::bytea[]) WITH ORDINALITY AS s(id, enc, hash, n), c`,
      [students.map((s) => s.id), students.map((s) => cipher.encrypt(s.phone)), students.map((s) => cipher.blindIndex(s.phone)), hash, CONSENT.version],
    );
    await client.query(`INSERT INTO enrolments (user_id, course_id, enrolled_at) SELECT u, c.id, now() FROM unnest($1::uuid[]) u, courses c WHERE c.slug = $2`,
      [students.map((s) => s.id), course]);
    await client.query(`INSERT INTO lesson_completions (user_id, lesson_id, course_id, completed_at)
                        SELECT u, l.id, c.id, now() FROM unnest($1::uuid[]) u, courses c JOIN lessons l ON l.course_id = c.id AND l.archived_at IS NULL WHERE c.slug = $2`,
      [students.map((s) => s.id), course]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
  return students;
}

/** An answer to each question of the learner's view, as a student would pick it (valid, not necessarily right). */
export function answerOf(q, n) {
  const keys = (list) => (list ?? []).map((o) => o.key);
  const pick = (list) => list[n % list.length];
  switch (q.type) {
    case 'single':
    case 'true_false':
      return { choices: [pick(keys(q.options))] };
    case 'multiple':
      return { choices: keys(q.options).filter((_, i) => (i + n) % 2 === 0) };
    case 'ordering':
      return { order: keys(q.options).reverse() };
    case 'matching': {
      const right = keys(q.right);
      return { matches: Object.fromEntries(keys(q.left).map((k, i) => [k, right[(i + n) % right.length]])) };
    }
    default:
      return { text: `Trả lời ${n}` };
  }
}

/** JSON with sorted keys: the same answers compare equal however jsonb ordered them. */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  return JSON.stringify(value);
}

export class Stats {
  constructor() {
    this.latencies = Object.fromEntries(PHASES.map((p) => [p, []]));
    this.errors = Object.fromEntries(PHASES.map((p) => [p, 0]));
    this.byStatus = {};
    /** The longest single try: a hang would show here even when a retry later succeeds. */
    this.longestTryMs = 0;
  }

  table() {
    const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
    return PHASES.map((phase) => {
      const sorted = [...this.latencies[phase]].sort((a, b) => a - b);
      return { phase, requests: sorted.length, p50: pct(sorted, 50), p95: pct(sorted, 95), p99: pct(sorted, 99), max: sorted.at(-1) ?? NaN, errors: this.errors[phase] };
    });
  }
}

/**
 * One student's browser: cookies, the CSRF header on writes, and the web app's behaviour on failure
 * (a network error or a 5xx is tried again, after Retry-After when given, as the outbox does).
 * A phase's latency runs from the first try to the answer the student finally gets.
 */
export class Student {
  constructor(index, { id, phone }, apis, stats, { giveUpAfterMs = 120_000 } = {}) {
    Object.assign(this, { index, id, phone, apis, stats, giveUpAfterMs });
    this.cookies = new Map();
    this.api = index % apis.length;
    this.sent = null; // the answers of the last save the API acknowledged (204)
    this.submitted = null; // the answers of the acknowledged submission (200)
    this.attemptId = null;
  }

  async request(phase, method, path, body, headers = {}) {
    const started = performance.now();
    for (let tries = 0; ; tries++) {
      const base = this.apis[(this.api + tries) % this.apis.length]; // a load balancer: the next process when one fails
      let res;
      const tryStarted = performance.now();
      try {
        res = await fetch(`${base}${path}`, {
          method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(method === 'GET' ? {} : { 'x-csrf-token': this.cookies.get('csrf_token') ?? '' }),
            cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            ...headers,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(60_000),
        });
      } catch (err) {
        res = { status: 0, error: err };
      }
      this.stats.longestTryMs = Math.max(this.stats.longestTryMs, performance.now() - tryStarted);
      this.stats.byStatus[res.status] = (this.stats.byStatus[res.status] ?? 0) + 1;
      if (res.status >= 200 && res.status < 500) {
        for (const cookie of res.headers.getSetCookie()) {
          const [pair] = cookie.split(';');
          const eq = pair.indexOf('=');
          this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
        }
        const text = await res.text();
        if (res.status < 400) {
          this.stats.latencies[phase].push(performance.now() - started);
          return text ? JSON.parse(text) : null;
        }
        this.stats.errors[phase]++;
        throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
      }
      this.stats.errors[phase]++;
      if (res.body) await res.body.cancel();
      if (performance.now() - started > this.giveUpAfterMs) throw new Error(`${method} ${path}: gave up after ${tries + 1} tries (${res.status || res.error?.cause?.code || res.error})`);
      const retryAfter = Number(res.headers?.get?.('retry-after'));
      await sleep(retryAfter > 0 ? retryAfter * 1000 : Math.min(5_000, 250 * 2 ** tries));
    }
  }

  async signIn(course, quiz) {
    await this.request('sign-in', 'GET', '/api/auth/csrf');
    await this.request('sign-in', 'POST', '/api/auth/login', { login: this.phone, password: PASSWORD });
    await this.request('quiz page', 'GET', `/api/courses/${course}/quizzes/${quiz}`);
  }

  async start(course, quiz) {
    this.attempt = await this.request('start', 'POST', `/api/courses/${course}/quizzes/${quiz}/attempts`);
    this.attemptId = this.attempt.id;
  }

  /** Pages of `pageSize` questions: think, answer, autosave everything so far; then submit and read the result. */
  async sit({ pageSize, think, key = null }) {
    const answers = {};
    const questions = this.attempt.questions;
    for (let i = 0; i < questions.length; i += pageSize) {
      await sleep(think());
      for (const q of questions.slice(i, i + pageSize)) answers[q.id] = key?.[q.id] ?? answerOf(q, this.index + i);
      const copy = structuredClone(answers);
      await this.request('save', 'PUT', `/api/quiz-attempts/${this.attemptId}/answers`, { answers: copy });
      this.sent = copy;
    }
    await sleep(think() / 4); // a last look before handing in
    const idempotencyKey = randomUUID(); // the same for every retry of this submission, as the outbox keeps it
    await this.request('submit', 'POST', `/api/quiz-attempts/${this.attemptId}/submission`, { answers }, { 'idempotency-key': idempotencyKey });
    this.submitted = structuredClone(answers);
    await this.request('result', 'GET', `/api/quiz-attempts/${this.attemptId}`);
  }
}

/**
 * The check in the database: every student has exactly one attempt of the quiz, submitted, holding
 * exactly the answers of the acknowledged submission (or, if the submission never got through, every
 * answer a save acknowledged), and one event of each kind.
 */
export async function verify(pool, students, quizSlug, course) {
  const rows = (await pool.query(
    `SELECT u.id, count(a.id)::int AS attempts, count(a.id) FILTER (WHERE a.status = 'submitted')::int AS submitted,
            (array_agg(a.answers))[1] AS answers,
            (SELECT count(*)::int FROM learning_events e WHERE e.user_id = u.id AND e.type = 'quiz_started') AS started_events,
            (SELECT count(*)::int FROM learning_events e WHERE e.user_id = u.id AND e.type = 'quiz_submitted') AS submitted_events
       FROM unnest($1::uuid[]) AS u(id)
       LEFT JOIN quiz_attempts a ON a.user_id = u.id AND a.quiz_id = (SELECT q.id FROM quizzes q JOIN courses c ON c.id = q.course_id WHERE c.slug = $3 AND q.slug = $2)
      GROUP BY u.id`,
    [students.map((s) => s.id), quizSlug, course],
  )).rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const result = { students: students.length, recorded: 0, lostAnswers: 0, doubled: 0, notSubmitted: 0, problems: [] };
  for (const s of students) {
    const r = byId.get(s.id);
    const expected = s.submitted ?? s.sent;
    if (r.attempts > 1 || r.started_events > 1 || r.submitted_events > 1) {
      result.doubled++;
      result.problems.push(`${s.phone}: ${r.attempts} attempts, ${r.started_events} started and ${r.submitted_events} submitted events`);
    }
    if (!s.submitted || r.submitted !== 1) result.notSubmitted++;
    if (expected && (!r.answers || (s.submitted ? canonical(r.answers) !== canonical(expected) : Object.keys(expected).some((k) => canonical(r.answers[k]) !== canonical(expected[k]))))) {
      result.lostAnswers++;
      result.problems.push(`${s.phone}: stored ${canonical(r.answers)} but was told ${canonical(expected)}`);
    }
    if (s.submitted && r.submitted === 1 && r.attempts === 1 && canonical(r.answers) === canonical(s.submitted)) result.recorded++;
  }
  return result;
}

/** CPU seconds of the API processes and PostgreSQL at an instant; differences give CPU per request. */
export function cpuSnapshot(apis, postgres) {
  return { at: performance.now(), api: apis.reduce((n, p) => n + p.cpuSeconds(), 0), pg: postgres ? postgres.cpuSeconds() : NaN };
}

/** The right answers to an attempt, worked out from the database as only the server can (so students pass and courses complete). */
export async function rightAnswers(pool, attemptId) {
  const [{ questions }] = (await pool.query('SELECT questions FROM quiz_attempts WHERE id = $1', [attemptId])).rows;
  const bank = (await pool.query('SELECT id, type, payload FROM questions WHERE id = ANY($1)', [questions.map((q) => q.questionId)])).rows;
  const byId = new Map(bank.map((q) => [q.id, q]));
  const answers = {};
  for (const d of questions) {
    const q = byId.get(d.questionId);
    const options = q.payload.options ?? [];
    const keyOf = (optionId) => d.options.find((o) => o.optionId === optionId).key;
    if (q.type === 'ordering') answers[d.questionId] = { order: options.map((o) => keyOf(o.id)) };
    else if (q.type === 'short_text') answers[d.questionId] = { text: q.payload.accepted[0] };
    else if (q.type === 'matching') answers[d.questionId] = { matches: Object.fromEntries(d.left.map((l) => [l.key, d.right.find((r) => r.pair === l.pair).key])) };
    else answers[d.questionId] = { choices: options.filter((o) => o.correct).map((o) => keyOf(o.id)) };
  }
  return answers;
}

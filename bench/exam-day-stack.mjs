// A throwaway stack for the exam-day benches, so they measure (and break) only what they started:
// PostgreSQL in a temp directory on its own port (initdb + pg_ctl, run as the postgres user when
// started as root), redis-server on its own port, API processes and a BullMQ worker from the built
// backend. The shared PostgreSQL and Redis of the machine are never touched.
import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chownSync, createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const API_MAIN = path.join(ROOT, 'backend/dist/backend/src/main.js');
export const WORKER_MAIN = path.join(ROOT, 'backend/dist/backend/src/worker.js');
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const PG_BIN = (() => {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  return path.join('/usr/lib/postgresql', versions[0], 'bin');
})();
const asPostgres = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--']] : [null, []];
function pgTool(tool, args, opts = {}) {
  const [wrapper, prefix] = asPostgres;
  const bin = path.join(PG_BIN, tool);
  return wrapper ? execFileSync(wrapper, [...prefix, bin, ...args], opts) : execFileSync(bin, args, opts);
}

/** CPU seconds (user + system) of a process, and of its reaped children when `withChildren`. */
export function cpuSeconds(pid, withChildren = false) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // After the command: state is field 0, utime 11, stime 12, cutime 13, cstime 14 (clock ticks of 1/100 s).
    const ticks = Number(fields[11]) + Number(fields[12]) + (withChildren ? Number(fields[13]) + Number(fields[14]) : 0);
    return ticks / 100;
  } catch {
    return 0;
  }
}

/** Live children of a process (PostgreSQL's backends and helpers). */
function childrenOf(pid) {
  const out = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(fields[1]) === pid) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

export class Postgres {
  constructor(port) {
    this.port = port;
    this.dir = mkdtempSync(path.join(os.tmpdir(), 'bdhvs-examday-pg-'));
    this.data = path.join(this.dir, 'data');
    this.log = path.join(this.dir, 'postgres.log');
    this.url = (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`;
  }

  init() {
    if (process.getuid?.() === 0) chownSync(this.dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
    pgTool('initdb', ['-D', this.data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8'], { stdio: 'ignore' });
    this.start();
  }

  /** Settings of a small production server: fsync on, 100 connections, 128 MB of buffers (as the machine's own). */
  start() {
    pgTool('pg_ctl', ['-D', this.data, '-l', this.log, '-w', '-t', '60', '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=150 -c shared_buffers=128MB`, 'start'], { stdio: 'ignore' });
  }

  /** `immediate` is a crash as far as clients are concerned: every connection dropped at once, recovery at the next start. */
  stop(mode = 'fast') {
    pgTool('pg_ctl', ['-D', this.data, '-m', mode, '-w', '-t', '60', 'stop'], { stdio: 'ignore' });
  }

  pid() {
    try {
      return Number(readFileSync(path.join(this.data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      return 0;
    }
  }

  /** The postmaster, its live backends, and the backends that have exited (counted in the postmaster's children time). */
  cpuSeconds() {
    const pid = this.pid();
    if (!pid) return 0;
    return cpuSeconds(pid, true) + childrenOf(pid).reduce((n, child) => n + cpuSeconds(child), 0);
  }

  destroy() {
    try {
      this.stop('immediate');
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export class RedisServer {
  /** With `dir`, an append-only file there (fsync every second), as production's queues need: a restart keeps the jobs. */
  constructor(port, dir = null) {
    this.port = port;
    this.dir = dir;
    this.url = `redis://127.0.0.1:${port}`;
    this.child = null;
  }

  async start() {
    const persistence = this.dir ? ['--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'everysec'] : ['--appendonly', 'no'];
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', ...persistence], { stdio: 'ignore' });
    for (let i = 0; i < 40; i++) {
      try {
        if (execFileSync('redis-cli', ['-p', String(this.port), 'ping']).toString().trim() === 'PONG') return;
      } catch {
        // not yet
      }
      await sleep(100);
    }
    throw new Error(`redis-server on ${this.port} did not start`);
  }

  /** kill -9: the queues and counters it held in memory are gone, as after a crash without persistence. */
  async kill() {
    if (!this.child) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGKILL');
    await exited;
    this.child = null;
  }
}

/** Secrets shared by every process of one run (sessions and CSRF tokens stay valid across processes and restarts). */
export function secrets() {
  return {
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    CREDENTIAL_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** A node process of the built backend (API or worker), its output appended to `logFile`. */
export class NodeProcess {
  constructor(entry, env, logFile) {
    this.entry = entry;
    this.env = env;
    this.logFile = logFile;
    this.child = null;
  }

  start() {
    const out = createWriteStream(this.logFile, { flags: 'a' });
    // e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": a profile per process, written when it stops.
    const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
    this.child = spawn(process.execPath, [...nodeArgs, this.entry], { env: { ...process.env, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout.pipe(out);
    this.child.stderr.pipe(out);
    return this;
  }

  get pid() {
    return this.child?.pid ?? 0;
  }

  cpuSeconds() {
    return this.pid ? cpuSeconds(this.pid) : 0;
  }

  async stop(signal = 'SIGTERM') {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(killer);
  }
}

export async function waitReady(url, seconds, what, child) {
  for (let i = 0; i < seconds * 4; i++) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) break;
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await sleep(250);
  }
  throw new Error(`${what} did not become ready at ${url}`);
}

/** Environment of an API or worker process of the bench stack. */
export function backendEnv({ databaseUrl, redisUrl, keys, port, poolSize, migrate = false }) {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port ?? 0),
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: 'bdhvs-examday',
    WORKER_IN_API: 'false',
    ...keys,
    MIGRATE_ON_BOOT: String(migrate),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    DB_POOL_SIZE: String(poolSize),
    COOKIE_SECURE: 'false',
    // Every student signs in from 127.0.0.1 here: the per-address limits (issue 18 part 2 changes them) are raised for the bench.
    RATE_LIMIT_PER_MINUTE: '100000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000000',
    LOGIN_IP_MAX_FAILURES: '100000000',
  };
}

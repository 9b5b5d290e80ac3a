import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import request from 'supertest';
import { CookieAccessInfo } from 'cookiejar';
import { CSRF_COOKIE } from '../../src/common/security/csrf';

/** A signed-in browser's view of the embedded API: cookies kept, the CSRF token echoed on writes. */
export class EmbeddedClient {
  constructor(readonly agent: ReturnType<typeof request.agent>) {}
  private get csrf(): string {
    return this.agent.jar.getCookie(CSRF_COOKIE, CookieAccessInfo.All)?.value ?? '';
  }
  get(path: string) {
    return this.agent.get(path);
  }
  post(path: string, body?: object) {
    return this.agent.post(path).set('x-csrf-token', this.csrf).send(body);
  }
}

/**
 * The real API on the embedded default in a child process (`embedded-api-process.js`): PGlite in memory,
 * migrated with the shipped units and courses, no Redis. For what only PGlite has here, such as its vector
 * extension. Slower to start than `startTestApp`: one per file.
 */
export class EmbeddedApi {
  private constructor(
    private readonly child: ChildProcess,
    private readonly lines: Interface,
    readonly url: string,
  ) {}

  static async start(env: Record<string, string>): Promise<EmbeddedApi> {
    const config = {
      NODE_ENV: 'test', PGLITE_DIR: 'memory://', MIGRATE_ON_BOOT: 'true', SEED_DEMO: 'true', WEB_DIST: '/nonexistent',
      SESSION_SECRET: randomBytes(32).toString('base64url'), DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      CREDENTIAL_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', AUTH_RATE_LIMIT_PER_MINUTE: '10000', RATE_LIMIT_PER_MINUTE: '100000',
      REPORTING_CACHE_SECONDS: '0',
      ...env,
    };
    const child = spawn(process.execPath, [path.join(__dirname, 'embedded-api-process.js')], {
      env: { PATH: process.env.PATH, EMBEDDED_API_ENV: JSON.stringify(config) },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout! });
    const first = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`embedded API exited with ${code}`)));
    });
    return new EmbeddedApi(child, lines, (JSON.parse(first) as { url: string }).url);
  }

  /** Runs one of the process's commands (see `embedded-api-process.js`). */
  async command<T>(command: string): Promise<T> {
    const answer = new Promise<string>((resolve) => this.lines.once('line', resolve));
    this.child.stdin!.write(`${JSON.stringify({ command })}\n`);
    return JSON.parse(await answer) as T;
  }

  /** Signs in with the demo accounts' password (SEED_DEMO). */
  async signIn(login: string, password = 'HocVuSo@2026'): Promise<EmbeddedClient> {
    const client = new EmbeddedClient(request.agent(this.url));
    await client.get('/api/auth/csrf').expect(200);
    await client.post('/api/auth/login', { login, password }).expect(200);
    return client;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

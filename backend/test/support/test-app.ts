import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { CookieAccessInfo } from 'cookiejar';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApi } from '../../src/bootstrap/create-api';
import { CSRF_COOKIE } from '../../src/common/security/csrf';
import { type AppConfig, loadConfig } from '../../src/config/config';
import { databaseUrl, TEMPLATE_DB, TEST_PG_URL, TEST_REDIS_URL } from './test-env';

export type TestApp = {
  app: NestFastifyApplication;
  config: AppConfig;
  dataSource: DataSource;
  client(): Promise<TestClient>;
  close(): Promise<void>;
};

/**
 * The real API on its own database (a copy of the migrated template) and its own Redis prefix,
 * with BullMQ workers in the same process. `databaseUrl` may route the API's connections elsewhere (a relay).
 */
export async function startTestApp(env: Record<string, string> = {}, options: { databaseUrl?: (url: string) => string } = {}): Promise<TestApp> {
  const id = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const dbName = `bdhvs_t_${id}`;
  const admin = new Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName} TEMPLATE ${TEMPLATE_DB}`);
  const prefix = `bdhvs-test-${id}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: (options.databaseUrl ?? ((url) => url))(databaseUrl(dbName)),
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    WORKER_IN_API: 'true',
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    CREDENTIAL_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    MIGRATE_ON_BOOT: 'false',
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WEB_DIST: '/nonexistent',
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_IP_MAX_FAILURES: '10000',
    // Tests expect the figures of the rows they just wrote; the cache's own test turns it on.
    REPORTING_CACHE_SECONDS: '0',
    ...env,
  });
  const { app } = await createApi(config);
  const server = app.getHttpServer();
  return {
    app,
    config,
    dataSource: app.get(DataSource),
    client: () => TestClient.create(server),
    async close() {
      await app.close();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
      const redis = new Redis(TEST_REDIS_URL);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    },
  };
}

/** A browser-like client: keeps cookies and echoes the current CSRF cookie on every write, as the web app does. */
export class TestClient {
  private constructor(readonly agent: ReturnType<typeof request.agent>) {}

  static async create(server: Parameters<typeof request.agent>[0]): Promise<TestClient> {
    const agent = request.agent(server);
    await agent.get('/api/auth/csrf').expect(200);
    return new TestClient(agent);
  }

  /** The token the server last set: signing in or out replaces it with one bound to the new session. */
  get csrf(): string {
    return this.agent.jar.getCookie(CSRF_COOKIE, CookieAccessInfo.All)?.value ?? '';
  }

  get(path: string) {
    return this.agent.get(path);
  }
  post(path: string, body?: object) {
    return this.agent.post(path).set('x-csrf-token', this.csrf).send(body);
  }
  patch(path: string, body?: object) {
    return this.agent.patch(path).set('x-csrf-token', this.csrf).send(body);
  }
  put(path: string, body?: object) {
    return this.agent.put(path).set('x-csrf-token', this.csrf).send(body);
  }
  delete(path: string, body?: object) {
    return this.agent.delete(path).set('x-csrf-token', this.csrf).send(body);
  }
}

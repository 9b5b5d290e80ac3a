import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { AppModule } from '../app.module';
import { buildOpenApi, API_PREFIX } from '../bootstrap/configure-app';
import { loadConfig, REPO_ROOT } from '../config/config';

/** No request is served, so no key of the deployment is needed: a fresh one keeps dev-secrets.json untouched. */
const throwawayKey = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** Writes backend/openapi.json (or the path given) from the controllers and DTOs, with no database. */
async function main(): Promise<void> {
  const out = process.argv[2] ?? path.join(REPO_ROOT, 'backend', 'openapi.json');
  const config = { ...loadConfig({ NODE_ENV: 'test', PGLITE_DIR: 'memory://', SESSION_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'), CREDENTIAL_SIGNING_KEY: throwawayKey() }), logLevel: 'silent' };
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter(), { logger: false });
  app.setGlobalPrefix(API_PREFIX);
  const document = buildOpenApi(app);
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
  console.log(`Wrote ${path.relative(process.cwd(), out)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

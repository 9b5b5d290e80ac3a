import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import type { AppConfig } from '../config/config';
import { JobWorkers } from '../jobs/job-workers';
import { ContentImportService } from '../modules/content/content-import.service';
import { PassageIndexer } from '../modules/assistant/retrieval/passage-indexer.service';
import { UnitsImportService } from '../modules/units/units-import.service';
import { UsersService } from '../modules/users/users.service';
import { seedDemoAccounts } from '../seed/demo-accounts';
import { requestIdFor } from '../common/http/logger-options';
import { configureApp } from './configure-app';
import { indexPassages, loadContent, loadReferenceData, migrate } from './prepare-database';

/** Builds the API (not yet listening): the entrypoint and the integration tests share it. */
export async function createApi(config: AppConfig): Promise<{ app: NestFastifyApplication; demoAccounts: string[] }> {
  const adapter = new FastifyAdapter({
    // One proxy hop: the address the load balancer connected from is trusted, and X-Forwarded-For's last
    // entry is the client. (Fastify no longer reads a bare hop count such as 1 that way.)
    trustProxy: config.trustProxy ? (_address: string, hop: number) => hop === 0 : false,
    bodyLimit: bytesOf(config.bodyLimit),
    genReqId: requestIdFor,
    // The request id goes in the response header; Fastify's own logger stays off (pino is ours).
    requestIdHeader: false,
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { bufferLogs: true, bodyParser: false });
  await configureApp(app, config);
  app.enableShutdownHooks();
  const dataSource = app.get(DataSource);
  if (config.migrateOnBoot) {
    await migrate(dataSource);
    await loadReferenceData(config, app.get(UnitsImportService));
    await loadContent(config, app.get(ContentImportService));
    await indexPassages(app.get(PassageIndexer));
  }
  const demoAccounts = config.seedDemo ? await seedDemoAccounts(dataSource, app.get(UsersService)) : [];
  if (config.redis && config.workerInApi) app.get(JobWorkers).start(config.redis);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, demoAccounts };
}

/** `100kb` → 102400. */
function bytesOf(limit: string): number {
  const [, n, unit] = /^(\d+)(b|kb|mb)$/.exec(limit)!;
  return Number(n) * ({ b: 1, kb: 1024, mb: 1024 * 1024 } as const)[unit as 'b' | 'kb' | 'mb'];
}

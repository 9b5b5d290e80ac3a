import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import type { AppConfig } from '../config/config';
import { JobWorkers } from '../jobs/job-workers';
import { ContentImportService } from '../modules/content/content-import.service';
import { UnitsImportService } from '../modules/units/units-import.service';
import { UsersService } from '../modules/users/users.service';
import { seedDemoAccounts } from '../seed/demo-accounts';
import { configureApp } from './configure-app';
import { loadContent, loadReferenceData, migrate } from './prepare-database';

/** Builds the API (not yet listening): the entrypoint and the integration tests share it. */
export async function createApi(config: AppConfig): Promise<{ app: NestExpressApplication; demoAccounts: string[] }> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  configureApp(app, config);
  app.enableShutdownHooks();
  const dataSource = app.get(DataSource);
  if (config.migrateOnBoot) {
    await migrate(dataSource);
    await loadReferenceData(config, app.get(UnitsImportService));
    await loadContent(config, app.get(ContentImportService));
  }
  const demoAccounts = config.seedDemo ? await seedDemoAccounts(dataSource, app.get(UsersService)) : [];
  if (config.redis && config.workerInApi) app.get(JobWorkers).start(config.redis);
  await app.init();
  return { app, demoAccounts };
}

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/config';
import { JobWorkers } from './jobs/job-workers';

/** The BullMQ worker process: same modules as the API, no HTTP. Scale it by running more of them. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.redis) throw new ConfigError('Invalid configuration:\n  REDIS_URL: the worker needs Redis; without it the API runs jobs itself');
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, seedDemo: false }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(JobWorkers).start(config.redis);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});

import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { BullmqJobQueue } from './bullmq-job-queue';
import { InlineJobQueue } from './inline-job-queue';
import { JobHandlerRegistry } from './job-handler-registry';
import { JobQueue } from './job-queue';
import { JobWorkers } from './job-workers';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    JobHandlerRegistry,
    JobWorkers,
    {
      provide: JobQueue,
      inject: [APP_CONFIG, JobHandlerRegistry],
      useFactory: (config: AppConfig, registry: JobHandlerRegistry) =>
        config.redis ? new BullmqJobQueue(config.redis.url, config.redis.prefix) : new InlineJobQueue(registry),
    },
  ],
  exports: [JobQueue, JobWorkers],
})
export class JobsModule {}

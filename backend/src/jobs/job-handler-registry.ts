import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JOB_HANDLER_QUEUE, type JobProcessor, type QueueName } from './job-handler';

/** Finds the providers marked @JobHandler(queue) in every module. */
@Injectable()
export class JobHandlerRegistry {
  private handlers?: Map<QueueName, JobProcessor<QueueName>>;

  constructor(private readonly discovery: DiscoveryService) {}

  get(queue: QueueName): JobProcessor<QueueName> {
    const handler = this.all().get(queue);
    if (!handler) throw new Error(`No @JobHandler for queue ${queue}`);
    return handler;
  }

  all(): Map<QueueName, JobProcessor<QueueName>> {
    if (!this.handlers) {
      this.handlers = new Map();
      for (const wrapper of this.discovery.getProviders()) {
        const { metatype, instance } = wrapper;
        if (!metatype || !instance) continue;
        const queue = Reflect.getMetadata(JOB_HANDLER_QUEUE, metatype) as QueueName | undefined;
        if (queue) this.handlers.set(queue, instance as JobProcessor<QueueName>);
      }
    }
    return this.handlers;
  }
}

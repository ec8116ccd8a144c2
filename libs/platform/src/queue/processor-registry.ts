import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';

// @nestjs/bullmq keeps the queue name of a @Processor class under this metadata key (bull.constants).
const PROCESSOR_METADATA = 'bullmq:processor_metadata';

/**
 * Finds the @Processor classes of the libs' worker modules, so the inline driver can run the very same
 * processors that BullMQ workers run in `apps/worker`.
 */
@Injectable()
export class ProcessorRegistry {
  private byQueue?: Map<string, WorkerHost>;

  constructor(private readonly discovery: DiscoveryService) {}

  processorFor(queue: string): WorkerHost | undefined {
    this.byQueue ??= this.discover();
    return this.byQueue.get(queue);
  }

  queues(): string[] {
    this.byQueue ??= this.discover();
    return [...this.byQueue.keys()];
  }

  private discover(): Map<string, WorkerHost> {
    const found = new Map<string, WorkerHost>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!(instance instanceof WorkerHost) || !wrapper.metatype) {
        continue;
      }
      const options = Reflect.getMetadata(PROCESSOR_METADATA, wrapper.metatype) as
        { name?: string } | undefined;
      if (options?.name) {
        found.set(options.name, instance);
      }
    }
    return found;
  }
}

/** The part of a BullMQ job our processors use; the inline driver builds one of these. */
export function inlineJob(id: string, name: string, data: object, attemptsMade: number): Job {
  return { id, name, data, attemptsMade, opts: {} } as unknown as Job;
}

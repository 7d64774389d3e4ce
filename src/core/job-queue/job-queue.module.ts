import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '../../config/app-config';
import { BullJobQueueDriver } from './bull-job-queue.driver';
import { JobEventEmitter } from './job-event.emitter';
import { JobHandlerExplorer } from './job-handler.explorer';
import { JobQueueDriver, JOB_QUEUE_DRIVER } from './job-queue-driver';
import { JobQueueService } from './job-queue.service';
import { JobWorker } from './job-worker.service';
import { MemoryJobQueueDriver } from './memory-job-queue.driver';

/** Global: any provider can inject JobQueueService, and any provider's `@JobHandler` methods are found. */
@Global()
@Module({})
export class JobQueueModule {
  static forRoot(): DynamicModule {
    return {
      module: JobQueueModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: JOB_QUEUE_DRIVER, inject: [AppConfig], useFactory: createJobQueueDriver },
        JobEventEmitter,
        JobHandlerExplorer,
        JobQueueService,
        JobWorker,
      ],
      exports: [JobQueueService],
    };
  }
}

export function createJobQueueDriver(config: AppConfig): JobQueueDriver {
  return config.queueDriver === 'bull' && config.redisUrl
    ? new BullJobQueueDriver(config.redisUrl, config.queuePrefix)
    : new MemoryJobQueueDriver();
}

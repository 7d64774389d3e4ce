import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { BoundJobHandler, JobHandlerExplorer } from './job-handler.explorer';
import { JobEventEmitter } from './job-event.emitter';
import { JobQueueDriver, JOB_QUEUE_DRIVER, RunningJob } from './job-queue-driver';
import { JobName, JOB_DEFINITIONS } from './job-registry';
import { withTimeout } from './with-timeout.util';

/** How long shutdown waits for running jobs; unfinished ones are retried later (Bull: as stalled jobs). */
export const SHUTDOWN_GRACE_MS = 8_000;

/**
 * Wires handlers to the driver: checks them at init (so a missing handler fails startup, in every role),
 * starts taking jobs once the app has booted (only where `runsJobs`), and stops gracefully on shutdown.
 */
@Injectable()
export class JobWorker implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('JobQueue');
  private handlers = new Map<JobName, BoundJobHandler>();

  constructor(
    @Inject(JOB_QUEUE_DRIVER) private readonly driver: JobQueueDriver,
    private readonly config: AppConfig,
    private readonly explorer: JobHandlerExplorer,
    private readonly events: JobEventEmitter,
  ) {}

  async onModuleInit(): Promise<void> {
    try {
      this.handlers = this.explorer.explore();
    } catch (error) {
      await this.driver.stop(0); // Nest skips destroy hooks when init fails; do not leave Redis connections open
      throw error;
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.runsJobs) await this.driver.start((job) => this.run(job), this.config.workerConcurrency);
  }

  async onModuleDestroy(): Promise<void> {
    await this.driver.stop(SHUTDOWN_GRACE_MS);
  }

  private async run(job: RunningJob): Promise<void> {
    const name = job.name as JobName;
    const handler = this.handlers.get(name);
    // A job left in Redis by another version of the code: fail it visibly rather than drop it.
    if (!handler) throw new Error(`No handler for job "${job.name}" in this process`);
    const timeoutMs = JOB_DEFINITIONS[name]?.timeoutMs;
    const started = performance.now();
    try {
      const running = handler(job.payload, { jobId: job.id, name, attempt: job.attempt });
      await (timeoutMs ? withTimeout(running, timeoutMs, `timed out after ${timeoutMs} ms`) : running);
      this.events.emit({ name, event: 'completed', durationMs: performance.now() - started });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const event = job.attempt < job.maxAttempts ? 'retried' : 'failed';
      this.logger.warn(`Job ${name} ${job.id} try ${job.attempt}/${job.maxAttempts} ${event}: ${message}`);
      this.events.emit({ name, event, durationMs: performance.now() - started, error: message });
      throw error;
    }
  }
}

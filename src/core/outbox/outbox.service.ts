import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AppConfig } from '../../config/app-config';
import { JobName, JobPayloads } from '../job-queue/job-registry';
import { JobQueueService } from '../job-queue/job-queue.service';
import { withTimeout } from '../job-queue/with-timeout.util';
import { OutboxMessageEntity } from './outbox-message.entity';

const SEND_TIMEOUT_MS = 3_000;
const SWEEP_EVERY_MS = 15_000;
/** A row older than this was not sent right after its commit (queue down, process died): the sweeper sends it. */
const SWEEP_AFTER_MS = 10_000;

/**
 * Transactional outbox: `add()` writes the job inside the caller's transaction, `send()` puts it on the
 * queue after commit and deletes the row. The job id is the row id, so sending twice is harmless.
 */
@Injectable()
export class OutboxService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxService.name);
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueueService,
    private readonly config: AppConfig,
  ) {}

  /**
   * An in-process queue in a process that runs no jobs (a CLI import beside the embedded server) would take
   * the jobs and never run them: such a process leaves its rows for the server's sweeper instead.
   */
  private get canSend(): boolean {
    return this.config.queueDriver === 'bull' || this.config.runsJobs;
  }

  onApplicationBootstrap(): void {
    if (!this.canSend) return;
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async add<N extends JobName>(
    manager: EntityManager,
    jobName: N,
    payload: JobPayloads[N],
  ): Promise<OutboxMessageEntity> {
    const message = Object.assign(new OutboxMessageEntity(), {
      id: randomUUID(),
      jobName,
      payload: payload as Record<string, unknown>,
      createdAt: new Date(),
    });
    await manager.insert(OutboxMessageEntity, message as QueryDeepPartialEntity<OutboxMessageEntity>);
    return message;
  }

  /** After commit. Never throws: what cannot be sent now stays for the sweeper. */
  async send(messages: OutboxMessageEntity[]): Promise<boolean> {
    if (!messages.length || !this.canSend) return !messages.length;
    try {
      await withTimeout(
        Promise.all(
          messages.map((m) =>
            this.queue.enqueue(m.jobName as JobName, m.payload as never, { jobId: `outbox:${m.id}` }),
          ),
        ),
        SEND_TIMEOUT_MS,
        `queue did not answer within ${SEND_TIMEOUT_MS} ms`,
      );
      await this.dataSource.getRepository(OutboxMessageEntity).delete({ id: In(messages.map((m) => m.id)) });
      return true;
    } catch (error) {
      this.logger.warn(
        `Queue unavailable, ${messages.length} job(s) kept in the outbox for later: ${(error as Error).message}`,
      );
      return false;
    }
  }

  /** Sends what was left behind; returns how many rows were sent. */
  async sweep(olderThanMs = SWEEP_AFTER_MS): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      let sent = 0;
      for (;;) {
        const rows = await this.dataSource.getRepository(OutboxMessageEntity).find({
          where: { createdAt: LessThan(new Date(Date.now() - olderThanMs)) },
          order: { createdAt: 'ASC' },
          take: 500,
        });
        if (!rows.length || !(await this.send(rows))) return sent;
        sent += rows.length;
        if (rows.length < 500) return sent;
      }
    } catch (error) {
      this.logger.warn(`Outbox sweep failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.sweeping = false;
    }
  }

  pendingCount(): Promise<number> {
    return this.dataSource.getRepository(OutboxMessageEntity).count();
  }
}

import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, LessThan } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AppConfig } from '../../config/app-config';
import { JobName, JobPayloads } from '../job-queue/job-registry';
import { mergeOutboxMessages } from './merge-outbox-messages';
import { JobQueueService } from '../job-queue/job-queue.service';
import { withTimeout } from '../job-queue/with-timeout.util';
import { OutboxMessageEntity } from './outbox-message.entity';

const SEND_TIMEOUT_MS = 3_000;
/** How long sent-soon rows wait for company, and how many make a flush. */
const COALESCE_MS = 20;
const COALESCE_MAX_ROWS = 200;
const SWEEP_EVERY_MS = 15_000;
/** A row older than this was not sent right after its commit (queue down, process died): the sweeper sends it. */
const SWEEP_AFTER_MS = 10_000;

/**
 * Transactional outbox: `add()` writes the job inside the caller's transaction, `send()` puts it on the
 * queue after commit and deletes the row. The job id is the row id, so sending twice is harmless.
 */
@Injectable()
export class OutboxService
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(OutboxService.name);
  private timer?: NodeJS.Timeout;
  private sweeping = false;
  private buffer: OutboxMessageEntity[] = [];
  private flushTimer?: NodeJS.Timeout;

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

  async beforeApplicationShutdown(): Promise<void> {
    this.flushBuffer();
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

  /**
   * After commit, without waiting: rows sent within a few milliseconds of each other travel together, so a
   * burst of single-item requests becomes a few batch jobs rather than one job per item.
   */
  sendSoon(messages: OutboxMessageEntity[]): void {
    if (!messages.length || !this.canSend) return;
    this.buffer.push(...messages);
    if (this.buffer.length >= COALESCE_MAX_ROWS) this.flushBuffer();
    else this.flushTimer ??= setTimeout(() => this.flushBuffer(), COALESCE_MS);
  }

  private flushBuffer(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const rows = this.buffer.splice(0);
    if (rows.length) void this.send(rows);
  }

  /** After commit. Never throws: what cannot be sent now stays for the sweeper. */
  async send(messages: OutboxMessageEntity[]): Promise<boolean> {
    if (!messages.length || !this.canSend) return !messages.length;
    try {
      await withTimeout(
        Promise.all(
          mergeOutboxMessages(messages).map((job) =>
            this.queue.enqueue(job.jobName, job.payload as never, { jobId: job.jobId }),
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

import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { uuidV7 } from '../ids/uuid-v7';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { insertRows } from '../../database/insert-rows';
import { AppConfig } from '../../config/app-config';
import { JobName, JobPayloads } from '../job-queue/job-registry';
import { mergeOutboxMessages } from './merge-outbox-messages';
import { JobQueueService } from '../job-queue/job-queue.service';
import { withTimeout } from '../job-queue/with-timeout.util';
import { OutboxMessageEntity } from './outbox-message.entity';

const SEND_TIMEOUT_MS = 3_000;
/**
 * How long sent-soon rows wait for company, and how many make a flush. Each analysis job also writes the item's
 * rollups and customer figures, whose cost is mostly per batch: at 20 ms single posts became jobs of ~10-20 items
 * and the worker fell behind from 250 items/s; at 200 ms, 300 items/s for 60 s are analysed within 2 s (p95 392 ms;
 * bench:analysis:e2e). A quiet system pays up to 200 ms more before an item's analysis starts.
 */
const COALESCE_MS = 200;
const COALESCE_MAX_ROWS = 200;
/** Sent rows are deleted in bulk this long after their send. */
const DELETE_AFTER_MS = 1_000;
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
  private sweepChain: Promise<number> = Promise.resolve(0);
  private buffer: OutboxMessageEntity[] = [];
  private flushTimer?: NodeJS.Timeout;
  private readonly inFlight = new Set<Promise<boolean>>();
  private sentIds: string[] = [];
  private deleteTimer?: NodeJS.Timeout;

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
    // The timer skips a beat while a sweep still runs, so slow sweeps never pile up.
    this.timer = setInterval(() => void (this.sweeping ? undefined : this.sweep()), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.drain();
  }

  /** Sends what waits in memory and deletes what was sent; what the queue refused stays for the sweeper. */
  async drain(): Promise<void> {
    this.flushBuffer();
    await Promise.allSettled([...this.inFlight]);
    await this.deleteSent();
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
      id: uuidV7(),
      jobName,
      payload: payload as Record<string, unknown>,
      createdAt: new Date(),
    });
    await insertRows(manager, OutboxMessageEntity, [message]);
    return message;
  }

  /**
   * After commit, without waiting: rows sent within COALESCE_MS of the first waiting one travel together, so a
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
    if (!rows.length) return;
    const sending = this.send(rows, { deleteNow: false }).finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  /** Rows already on the queue are deleted in bulk, off the request path: one commit for many sends. */
  private async deleteSent(): Promise<void> {
    clearTimeout(this.deleteTimer);
    this.deleteTimer = undefined;
    const ids = this.sentIds.splice(0);
    if (!ids.length) return;
    try {
      for (let i = 0; i < ids.length; i += 1000) {
        await this.dataSource.getRepository(OutboxMessageEntity).delete({ id: In(ids.slice(i, i + 1000)) });
      }
    } catch (error) {
      // Left rows are re-sent by the sweeper; the jobs are idempotent.
      this.logger.warn(`Could not delete ${ids.length} sent outbox row(s): ${(error as Error).message}`);
    }
  }

  /** After commit. Never throws: what cannot be sent now stays for the sweeper. */
  async send(
    messages: OutboxMessageEntity[],
    options: { deleteNow: boolean } = { deleteNow: true },
  ): Promise<boolean> {
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
      this.sentIds.push(...messages.map((m) => m.id));
      if (options.deleteNow || this.sentIds.length >= 1000) await this.deleteSent();
      else this.deleteTimer ??= setTimeout(() => void this.deleteSent(), DELETE_AFTER_MS);
      return true;
    } catch (error) {
      this.logger.warn(
        `Queue unavailable, ${messages.length} job(s) kept in the outbox for later: ${(error as Error).message}`,
      );
      return false;
    }
  }

  /**
   * Sends what was left behind (rows at least `olderThanMs` old); returns how many rows were sent. Calls made
   * while a sweep runs wait for it and then sweep themselves, so an explicit sweep never silently does nothing.
   */
  sweep(olderThanMs = SWEEP_AFTER_MS): Promise<number> {
    const run = this.sweepChain.then(() => this.sweepOnce(olderThanMs));
    this.sweepChain = run.catch(() => 0);
    return run;
  }

  private async sweepOnce(olderThanMs: number): Promise<number> {
    this.sweeping = true;
    try {
      let sent = 0;
      for (;;) {
        const rows = await this.dataSource.getRepository(OutboxMessageEntity).find({
          where: { createdAt: LessThanOrEqual(new Date(Date.now() - olderThanMs)) },
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

import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { parseExpression } from 'cron-parser';
import { AppConfig } from '../../../config/app-config';
import { JobName } from '../../../core/job-queue/job-registry';
import { JobQueueService } from '../../../core/job-queue/job-queue.service';
import { DigestDeliveryRepository } from '../digest-delivery.repository';
import { DigestSubscriberEntity } from '../entities/digest-subscriber.entity';
import { DigestSubscribersService } from '../digest-subscribers.service';
import { formatIsoWeek, isoWeekAt, lastWeekAt, mondayOf } from '../time/iso-week';
import { localParts, zonedToInstant } from '../time/zoned-time';
import { DigestRequest } from '../content/digest-content.types';
import { DigestPrecomputeService } from '../precompute/digest-precompute.service';
import { DigestDeliveryService, QueueResult } from './digest-delivery.service';

/**
 * Every DIGEST_CHECK_CRON tick: whose send time has come in their own zone this week? Each such reader gets
 * last week's digest, once. A tick that finds the worker was down on Monday catches up later in the week;
 * a reader added after this week's send time starts next week.
 */
@Injectable()
export class DigestScheduleService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DigestSchedule');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly queue: JobQueueService,
    private readonly subscribers: DigestSubscribersService,
    private readonly deliveries: DigestDeliveryRepository,
    private readonly delivery: DigestDeliveryService,
    private readonly precompute: DigestPrecomputeService,
  ) {}

  /**
   * Each process that runs jobs puts a check job on the queue at every DIGEST_CHECK_CRON tick; the job id is
   * the tick, so several processes add it once (and a check run twice claims nothing twice). Not a queue-side
   * repeatable job: that keeps a delayed job in the queue forever, which "wait until the queue is idle"
   * (tests, graceful drains) would wait on.
   */
  onApplicationBootstrap(): void {
    if (this.config.runsJobs) this.scheduleNextTick();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
  }

  private scheduleNextTick(): void {
    const next = parseExpression(this.config.digestCheckCron).next().getTime();
    // Long timers are capped (setTimeout's limit is about 24.8 days); the chain re-plans when it wakes early.
    this.timer = setTimeout(() => void this.tick(next), Math.min(next - Date.now(), 2 ** 31 - 1));
    this.timer.unref();
  }

  private async tick(due: number): Promise<void> {
    if (Date.now() >= due - 1_000) {
      await this.queue
        .enqueue(JobName.DigestCheckDue, {}, { jobId: `digest-check-due-${due}` })
        .catch((error: Error) => this.logger.warn(`Could not queue the digest check: ${error.message}`));
    }
    this.scheduleNextTick();
  }

  async checkDue(now = new Date()): Promise<QueueResult> {
    const subscribers = await this.subscribers.listEntities();
    const due = subscribers
      .filter(
        (s) => sendTimeThisWeek(s, now) <= now.getTime() && s.createdAt.getTime() <= sendTimeThisWeek(s, now),
      )
      .map((s) => ({ subscriberId: s.id, week: formatIsoWeek(lastWeekAt(now, s.timeZone)) }));
    const claimed = await this.deliveries.findForWeeks([...new Set(due.map((d) => d.week))]);
    const claimedKeys = new Set(claimed.map((c) => `${c.subscriberId}:${c.isoWeek}`));
    await this.delivery.requeueUnfinished(claimed);
    const queued = await this.delivery.queueDeliveries(
      due.filter((d) => !claimedKeys.has(`${d.subscriberId}:${d.week}`)),
      'schedule',
    );
    await this.precompute.queue(upcomingViews(subscribers, now), now);
    return queued;
  }
}

/**
 * The views to compute ahead: each reader's last week (closed in their zone) until their send time this week, and,
 * when there are readers, everyone's view of the last UTC week (the default preview and manual send). With no
 * reader nothing is computed (an install that sends no digest writes nothing at each tick).
 */
function upcomingViews(subscribers: DigestSubscriberEntity[], now: Date): DigestRequest[] {
  if (!subscribers.length) return [];
  const views: DigestRequest[] = [
    { week: formatIsoWeek(lastWeekAt(now, 'UTC')), timeZone: 'UTC', slice: null },
  ];
  for (const s of subscribers) {
    const sendTime = sendTimeThisWeek(s, now);
    if (now.getTime() < sendTime && s.createdAt.getTime() <= sendTime)
      views.push({ week: formatIsoWeek(lastWeekAt(now, s.timeZone)), timeZone: s.timeZone, slice: s.slice });
  }
  return views;
}

/** This week's send time of a subscriber (their day and hour, in their zone), as epoch ms. */
function sendTimeThisWeek(s: DigestSubscriberEntity, now: Date): number {
  const monday = mondayOf(isoWeekAt(now, s.timeZone));
  const day = new Date(monday.getTime() + (s.sendDay - 1) * 86_400_000);
  const local = localParts(day, 'UTC');
  return zonedToInstant(local.year, local.month, local.day, s.sendHour, s.timeZone).getTime();
}

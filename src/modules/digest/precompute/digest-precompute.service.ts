import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JobName } from '../../../core/job-queue/job-registry';
import { JobQueueService } from '../../../core/job-queue/job-queue.service';
import { DigestDriverReader } from '../content/digest-driver.reader';
import { DigestRequest } from '../content/digest-content.types';
import { DigestNewsReader } from '../content/digest-news.reader';
import { digestWeekWindow } from '../content/digest-week-window';
import { DigestWeekPartRepository } from './digest-week-part.repository';

/** Parts of weeks that ended longer ago than this are dropped (a later preview of such a week recomputes them). */
const KEEP_ENDED_WEEKS_MS = 5 * 7 * 86_400_000;

/**
 * Computes a digest view's costly parts (emerging themes, the top NPS driver) before anyone reads it, through the
 * same readers the build uses: the precompute stores them (DigestWeekPartsService) and the build then finds them.
 * The due check queues a view from when its week closes until its send time, at every tick: a run whose stored
 * parts are still valid reads two fingerprints and stops, one after late items recomputes.
 */
@Injectable()
export class DigestPrecomputeService {
  constructor(
    private readonly jobs: JobQueueService,
    private readonly news: DigestNewsReader,
    private readonly driver: DigestDriverReader,
    private readonly parts: DigestWeekPartRepository,
  ) {}

  async precompute(view: DigestRequest): Promise<void> {
    const { current } = digestWeekWindow(view);
    await Promise.all([
      this.news.emergingThemesOf(current, view.slice),
      this.driver.read(current, view.slice),
    ]);
  }

  /** One job per distinct view; a view already queued or running is not queued twice. */
  async queue(views: DigestRequest[], now = new Date()): Promise<number> {
    const distinct = new Map(views.map((v) => [viewKey(v), v]));
    await this.enqueue(distinct);
    await this.parts.pruneEndedBefore(new Date(now.getTime() - KEEP_ENDED_WEEKS_MS));
    return distinct.size;
  }

  private async enqueue(views: Map<string, DigestRequest>): Promise<void> {
    if (!views.size) return;
    await this.jobs.enqueueMany(
      JobName.DigestPrecompute,
      [...views].map(([key, v]) => ({
        payload: { week: v.week, timeZone: v.timeZone, slice: v.slice },
        jobId: `digest-precompute-${key}`,
      })),
    );
  }
}

function viewKey(view: DigestRequest): string {
  const slice = Object.entries(view.slice ?? {})
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256')
    .update(JSON.stringify([view.week, view.timeZone, slice]))
    .digest('hex')
    .slice(0, 32);
}

import { Injectable } from '@nestjs/common';
import { DriversService } from '../../drivers/drivers.service';
import { TimeRange } from '../../rollups/query/insights-query.types';
import { DigestWeekPartsService } from '../precompute/digest-week-parts.service';
import { DigestSection, DigestSlice, NpsDriver, SLICE_FIELDS } from './digest-content.types';

/**
 * Replicates of the importance bootstrap for the digest (GET /api/v1/drivers uses 200). The digest names one
 * driver: which one, its customers, n, importance and NPS impact (with its analytic interval) come from the full
 * sample and do not depend on the replicates; only the importance interval does, and 50 replicates place its
 * 2.5 % and 97.5 % ends within a few points of the 200-replicate ends, at a quarter of the cost, which is
 * most of the driver's share of a build.
 */
export const DIGEST_DRIVER_REPLICATES = 50;

/** What the digest keeps of the drivers answer (DigestWeekPartsService stores it per week and segment). */
interface TopDriver {
  n: number;
  top: NpsDriver | null;
}

/**
 * The top driver of NPS of the reader's week, from the drivers service (one implementation of the analysis). The
 * analysis reads every customer of the week (and resamples them): its answer is kept per week window and segment,
 * computed ahead by the precompute job.
 */
@Injectable()
export class DigestDriverReader {
  constructor(
    private readonly drivers: DriversService,
    private readonly parts: DigestWeekPartsService,
  ) {}

  async read(week: TimeRange, slice: DigestSlice | null): Promise<DigestSection<NpsDriver>> {
    const segment = slice?.segment;
    const filters = segment === undefined ? {} : { segment: [segment] };
    const { n, top } = await this.parts.get({ part: 'driver', week, filters, reads: week }, () =>
      this.topDriver(week, segment),
    );
    const note = notNarrowed(slice);
    if (!top)
      return {
        available: false,
        reason:
          `Top driver of NPS: none this week. It needs a topic raised negatively by at least 10 identified ` +
          `customers with an NPS answer; ${n} customers answered.` +
          (note ? ` ${note}` : ''),
      };
    return { available: true, items: [top], ...(note ? { note } : {}) };
  }

  private async topDriver(week: TimeRange, segment: string | undefined): Promise<TopDriver> {
    const answer = await this.drivers.drivers(
      'nps',
      { from: week.from, to: week.to, segment },
      { replicates: DIGEST_DRIVER_REPLICATES },
    );
    const top = answer.drivers[0];
    return {
      n: answer.n,
      top: top
        ? {
            topic: top.topic,
            customers: top.customers,
            n: answer.n,
            importance: top.importance,
            importanceCi: top.importanceCi,
            impact: top.impact,
            impactCi: top.impactCi,
            pValue: top.pValue,
          }
        : null,
    };
  }
}

/** The drivers analysis narrows by segment only: any other slice field is named, not silently dropped. */
function notNarrowed(slice: DigestSlice | null): string | undefined {
  const ignored = SLICE_FIELDS.filter((f) => f !== 'segment' && slice?.[f] !== undefined);
  if (!ignored.length) return undefined;
  return (
    `The drivers analysis narrows by segment only: this driver is read over all feedback` +
    `${slice?.segment ? ` of segment ${slice.segment}` : ''}, not only ${ignored.map((f) => `${f} ${slice![f]}`).join(', ')}.`
  );
}

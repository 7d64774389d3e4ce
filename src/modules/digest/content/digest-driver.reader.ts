import { Injectable } from '@nestjs/common';
import { DriversService } from '../../drivers/drivers.service';
import { TimeRange } from '../../rollups/query/insights-query.types';
import { DigestSection, DigestSlice, NpsDriver, SLICE_FIELDS } from './digest-content.types';

/**
 * Replicates of the importance bootstrap for the digest (GET /api/v1/drivers uses 200). The digest names one
 * driver: which one, its customers, n, importance and NPS impact (with its analytic interval) come from the full
 * sample and do not depend on the replicates; only the importance interval does, and 50 replicates place its
 * 2.5 % and 97.5 % ends within a few points of the 200-replicate ends, at a quarter of the cost, which is
 * most of the driver's share of a build.
 */
export const DIGEST_DRIVER_REPLICATES = 50;

/** The top driver of NPS of the reader's week, from the drivers service (one implementation of the analysis). */
@Injectable()
export class DigestDriverReader {
  constructor(private readonly drivers: DriversService) {}

  async read(week: TimeRange, slice: DigestSlice | null): Promise<DigestSection<NpsDriver>> {
    const answer = await this.drivers.drivers(
      'nps',
      { from: week.from, to: week.to, segment: slice?.segment },
      { replicates: DIGEST_DRIVER_REPLICATES },
    );
    const note = notNarrowed(slice);
    const top = answer.drivers[0];
    if (!top)
      return {
        available: false,
        reason:
          `Top driver of NPS: none this week. It needs a topic raised negatively by at least 10 identified ` +
          `customers with an NPS answer; ${answer.n} customers answered.` +
          (note ? ` ${note}` : ''),
      };
    return {
      available: true,
      items: [
        {
          topic: top.topic,
          customers: top.customers,
          n: answer.n,
          importance: top.importance,
          importanceCi: top.importanceCi,
          impact: top.impact,
          impactCi: top.impactCi,
          pValue: top.pValue,
        },
      ],
      ...(note ? { note } : {}),
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

import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RollupSums, SumField } from '../../rollups/rollup-facts';
import { InsightsQueryService } from '../../rollups/query/insights-query.service';
import { QueryFilters, TimeRange } from '../../rollups/query/insights-query.types';
import { DigestWeekPartName } from '../entities/digest-week-part.entity';
import { DigestWeekPartRepository } from './digest-week-part.repository';

/** A running week's part is reused this long even when items arrived since (a preview may lag that much). */
export const RUNNING_WEEK_REUSE_MS = 10 * 60_000;

export interface WeekPartSpec {
  part: DigestWeekPartName;
  /** The week the part is of (its window is part of the key). */
  week: TimeRange;
  /** The slice the part is narrowed to (part of the key). */
  filters: QueryFilters;
  /** Every item the part reads lies in this range, of the slice's items: their figures are its fingerprint. */
  reads: TimeRange;
}

const COUNTED = [
  'n',
  'sentN',
  'positive',
  'negative',
  'neutral',
  'mixed',
  'promoters',
  'passives',
  'detractors',
] as const satisfies readonly SumField[];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The digest's costly parts of a week (a theme search over five weeks of texts, the driver analysis with its
 * bootstrap), kept in `digest_week_parts` so every process reads what the precompute job (or the first build)
 * computed. A stored part is used while the data it came from is unchanged: its fingerprint is the rollup sums of
 * what the part reads (the slice's items over its range, and their topic mentions), so new, late, re-analysed,
 * erased or deleted items there make it stale. Concurrent callers in one process share one computation.
 */
@Injectable()
export class DigestWeekPartsService {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly parts: DigestWeekPartRepository,
    private readonly insights: InsightsQueryService,
  ) {}

  /** The stored part when still valid; otherwise computed now and stored. */
  async get<T>(spec: WeekPartSpec, compute: () => Promise<T>): Promise<T> {
    const key = cacheKey(spec);
    const running = this.inFlight.get(key);
    if (running) return running as Promise<T>;
    const found = this.resolve(key, spec, compute);
    this.inFlight.set(key, found);
    try {
      return await found;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async resolve<T>(key: string, spec: WeekPartSpec, compute: () => Promise<T>): Promise<T> {
    const [stored, fingerprint] = await Promise.all([this.parts.find(key), this.fingerprint(spec)]);
    const now = Date.now();
    if (
      stored &&
      (stored.fingerprint === fingerprint ||
        (spec.week.to.getTime() > now && now - stored.computedAt.getTime() < RUNNING_WEEK_REUSE_MS))
    )
      return JSON.parse(stored.payload) as T;
    const value = await compute();
    await this.parts.put({
      cacheKey: key,
      part: spec.part,
      weekFrom: spec.week.from,
      weekTo: spec.week.to,
      fingerprint,
      payload: JSON.stringify(value),
      computedAt: new Date(now),
    });
    return value;
  }

  /** Two reads of the rollups (milliseconds): the slice's item sums and its topic sums over the range read. */
  private async fingerprint(spec: WeekPartSpec): Promise<string> {
    const [items, topics] = await Promise.all([
      this.insights.totals(spec.reads, spec.filters),
      this.insights.totals(spec.reads, spec.filters, 'topic'),
    ]);
    const rows = [...items, ...topics.sort((a, b) => String(a.group).localeCompare(String(b.group)))];
    return sha256(JSON.stringify(rows.map((r) => [r.group, ...signature(r.sums)])));
  }
}

/** Counts, and the sentiment sum to 1e-6 (a re-score that keeps its label): float sums may differ in their last bits. */
function signature(sums: RollupSums): number[] {
  return [...COUNTED.map((f) => sums[f]), Math.round(sums.sentSum * 1e6)];
}

function cacheKey(spec: WeekPartSpec): string {
  const filters = Object.entries(spec.filters)
    .filter(([, values]) => values?.length)
    .sort(([a], [b]) => a.localeCompare(b));
  return sha256(
    JSON.stringify([spec.part, spec.week.from.toISOString(), spec.week.to.toISOString(), filters]),
  );
}

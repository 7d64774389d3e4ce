/**
 * The calendar buckets customer-level figures are kept for: UTC days, ISO weeks (Monday) and months. A bucket is
 * named by the UTC day number (days since 1970-01-01) it starts on.
 */
export const CUSTOMER_GRAINS = ['day', 'week', 'month'] as const;
export type CustomerGrain = (typeof CUSTOMER_GRAINS)[number];

export const MS_PER_DAY = 86_400_000;

/** The bucket (its first day) of each grain that an instant falls in. */
export function bucketOf(grain: CustomerGrain, at: number): number {
  const day = Math.floor(at / MS_PER_DAY);
  if (grain === 'day') return day;
  // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
  if (grain === 'week') return day - ((((day + 3) % 7) + 7) % 7);
  const d = new Date(day * MS_PER_DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / MS_PER_DAY;
}

/** The instant the bucket after `bucket` starts. */
export function bucketEnd(grain: CustomerGrain, bucket: number): number {
  if (grain === 'day') return (bucket + 1) * MS_PER_DAY;
  if (grain === 'week') return (bucket + 7) * MS_PER_DAY;
  const d = new Date(bucket * MS_PER_DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/**
 * The grain whose buckets are exactly these periods (each period one whole bucket), or null: then the figures
 * cannot be read from the buckets without counting a customer twice (see docs/indices.md).
 */
export function grainOfPeriods(periods: { from: number; to: number }[]): CustomerGrain | null {
  if (!periods.length) return null;
  for (const grain of CUSTOMER_GRAINS)
    if (
      periods.every(
        (p) =>
          p.from === bucketOf(grain, p.from) * MS_PER_DAY &&
          p.to === bucketEnd(grain, bucketOf(grain, p.from)),
      )
    )
      return grain;
  return null;
}

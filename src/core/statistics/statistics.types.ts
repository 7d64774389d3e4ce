/** A two-sided confidence interval; `low <= high`. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * The change between a baseline `a` and a current `b`: `difference = b − a` (current minus baseline).
 * `ci` and `pValue` are null when the data cannot support them (an empty side, or too few items).
 */
export interface ChangeTest {
  difference: number;
  ci: Interval | null;
  pValue: number | null;
}

/** Answer counts of one NPS question: promoters 9–10, passives 7–8, detractors 0–6. */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/** Sufficient statistics of a sample of numbers: count, sum and sum of squares. */
export interface MeanSums {
  n: number;
  sum: number;
  sumOfSquares: number;
}

import { mulberry32 } from './seeded-random';

/**
 * Share of `trials` seeded repetitions in which `covers` returns true: the measured coverage of an interval
 * procedure (each trial draws a sample from a known truth and says whether its interval holds the truth).
 */
export function coverageRate(
  trials: number,
  seed: number,
  covers: (random: () => number) => boolean,
): number {
  const random = mulberry32(seed);
  let hits = 0;
  for (let trial = 0; trial < trials; trial++) if (covers(random)) hits++;
  return hits / trials;
}

/** Number of successes in n Bernoulli(p) draws. */
export function drawBinomial(random: () => number, n: number, p: number): number {
  let successes = 0;
  for (let i = 0; i < n; i++) if (random() < p) successes++;
  return successes;
}

/** Category counts of n draws with the given category probabilities (summing to 1). */
export function drawMultinomial(random: () => number, n: number, probabilities: number[]): number[] {
  const counts = probabilities.map(() => 0);
  for (let i = 0; i < n; i++) {
    let u = random();
    let category = 0;
    while (category < probabilities.length - 1 && u >= probabilities[category])
      u -= probabilities[category++];
    counts[category]++;
  }
  return counts;
}

export function contains(interval: { low: number; high: number } | null, truth: number): boolean {
  return interval !== null && interval.low <= truth && truth <= interval.high;
}

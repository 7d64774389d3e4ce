import { bootstrap, bootstrapVector } from './bootstrap';
import { contains, coverageRate } from './coverage-simulation';
import { relativeWeights } from './relative-importance';
import { mulberry32, normalFrom } from './seeded-random';

const mean = (values: number[]) => values.reduce((total, value) => total + value, 0) / values.length;

describe('bootstrap', () => {
  const random = mulberry32(801);
  const data = Array.from({ length: 80 }, () => 2 + normalFrom(random));

  it('is reproducible for a seed and close to the t interval for a mean', () => {
    const first = bootstrap(data, mean, 1000, 42);
    expect(bootstrap(data, mean, 1000, 42)).toEqual(first);
    expect(bootstrap(data, mean, 1000, 43).ci).not.toEqual(first.ci);
    expect(first.estimate).toBeCloseTo(mean(data), 12);
    expect(first.replicates).toBe(1000);
    const sd = Math.sqrt(data.reduce((total, value) => total + (value - first.estimate) ** 2, 0) / 79);
    const tHalfWidth = (1.990455 * sd) / Math.sqrt(80); // t(0.975, 79)
    expect((first.ci!.high - first.ci!.low) / 2).toBeGreaterThan(0.85 * tHalfWidth);
    expect((first.ci!.high - first.ci!.low) / 2).toBeLessThan(1.1 * tHalfWidth);
  });

  it('skips undefined replicates and gives no interval when most are undefined', () => {
    const [always, mostlyUndefined] = bootstrapVector(
      [1, 2, 3, 4, 5, 6],
      (sample) => [mean(sample), sample.includes(6) && sample.includes(1) ? 1 : NaN],
      400,
      5,
    );
    expect(always.ci).not.toBeNull();
    expect(mostlyUndefined.replicates).toBeLessThan(200);
    expect(mostlyUndefined.ci).toBeNull();
    expect(() => bootstrap([1], mean, 0, 1)).toThrow(RangeError);
  });

  it('gives driver weights intervals that hold the planted order', () => {
    const rows = Array.from({ length: 400 }, () => {
      const x = [normalFrom(random), normalFrom(random)];
      return { x, y: 0.7 * x[0] + 0.2 * x[1] + normalFrom(random) };
    });
    const [strong, weak] = bootstrapVector(
      rows,
      (sample) =>
        relativeWeights(
          sample.map((row) => row.x),
          sample.map((row) => row.y),
        )?.weights ?? [NaN, NaN],
      300,
      9,
    );
    expect(strong.ci!.low).toBeGreaterThan(weak.ci!.high);
    expect(contains(strong.ci, strong.estimate)).toBe(true);
  });

  it('covers the true mean about 95 % of the time (percentile interval, n 50, B 400)', () => {
    const rate = coverageRate(200, 811, (rng) => {
      const sample = Array.from({ length: 50 }, () => normalFrom(rng));
      return contains(bootstrap(sample, mean, 400, Math.floor(rng() * 2 ** 32)).ci, 0);
    });
    // The percentile bootstrap runs slightly short at small n (about 1.96/2.01 of the t width at n = 50).
    expect(rate).toBeGreaterThanOrEqual(0.91);
    expect(rate).toBeLessThanOrEqual(0.98);
  });
});

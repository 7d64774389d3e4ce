import { binomialUpperTail, poissonUpperTail } from './count-tails';

/** Direct sums, fine for the small cases they check. */
const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
const poissonSum = (k: number, l: number) =>
  1 - Array.from({ length: k }, (_, i) => (Math.exp(-l) * l ** i) / factorial(i)).reduce((a, b) => a + b, 0);
const choose = (n: number, k: number) => factorial(n) / (factorial(k) * factorial(n - k));
const binomialSum = (k: number, n: number, p: number) =>
  Array.from(
    { length: n - k + 1 },
    (_, i) => choose(n, k + i) * p ** (k + i) * (1 - p) ** (n - k - i),
  ).reduce((a, b) => a + b, 0);

describe('count tails', () => {
  it.each([
    [1, 0.5],
    [3, 2],
    [10, 4],
    [5, 12],
    [20, 9.5],
  ])('Poisson P(X >= %d | λ=%d) equals the direct sum', (k, l) => {
    expect(poissonUpperTail(k, l)).toBeCloseTo(poissonSum(k, l), 10);
  });

  it.each([
    [3, 10, 0.2],
    [7, 10, 0.5],
    [1, 15, 0.05],
    [12, 18, 0.3],
  ])('Binomial P(X >= %d | n=%d, p=%d) equals the direct sum', (k, n, p) => {
    expect(binomialUpperTail(k, n, p)).toBeCloseTo(binomialSum(k, n, p), 10);
  });

  it('handles the edges and large counts without underflow', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.5)).toBe(0);
    const p = poissonUpperTail(2_300, 2_000); // about 6.6 standard deviations up
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-9);
    expect(poissonUpperTail(2_000, 2_000)).toBeCloseTo(0.5, 1);
    expect(binomialUpperTail(600, 1_000, 0.5)).toBeLessThan(1e-9);
  });
});

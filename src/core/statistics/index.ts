export * from './statistics.types';
export { wilsonInterval, twoProportionTest } from './proportion';
export { npsScore, npsInterval, npsDifferenceTest } from './nps';
export { meanInterval, welchTest } from './mean';
export { benjaminiHochberg } from './benjamini-hochberg';
export { mulberry32, normalFrom } from './seeded-random';
export { pearson, spearman } from './correlation';
export type { CorrelationResult } from './correlation';

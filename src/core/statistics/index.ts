export * from './statistics.types';
export { wilsonInterval, twoProportionTest } from './proportion';
export { npsScore, npsInterval, npsDifferenceTest } from './nps';
export { meanInterval, welchTest } from './mean';
export { benjaminiHochberg } from './benjamini-hochberg';
export { mulberry32, normalFrom } from './seeded-random';
export { pearson, spearman } from './correlation';
export type { CorrelationResult } from './correlation';
export { logisticRegression } from './logistic-regression';
export { oddsRatioOfTable } from './odds-ratio';
export type {
  LogisticRegressionResult,
  LogisticTerm,
  LogisticRegressionOptions,
} from './logistic-regression';
export {
  relativeWeights,
  shapleyR2,
  relativeWeightsFromCorrelations,
  shapleyR2FromCorrelations,
  MAX_SHAPLEY_PREDICTORS,
} from './relative-importance';
export type { ImportanceResult } from './relative-importance';
export { correlationsOf, rSquaredOfSubset } from './correlation-matrix';
export type { Correlations } from './correlation-matrix';
export { bootstrap, bootstrapCounts, bootstrapVector } from './bootstrap';
export type { BootstrapResult } from './bootstrap';
export { mixRateDecomposition } from './mix-rate';
export type { GroupValue, MixRate, MixRateGroup, MixRateDecomposition, MixRateOptions } from './mix-rate';
export {
  rescale,
  rescaleInterval,
  shareComponent,
  netScoreComponent,
  meanComponent,
  weightedComposite,
  compositeChangeTest,
} from './index-composite';
export type { IndexComponent, CompositeIndex } from './index-composite';
export { coverageRate, drawBinomial, drawMultinomial, contains } from './coverage-simulation';
export { npsDriverImpact } from './driver-impact';
export type { DriverImpact } from './driver-impact';

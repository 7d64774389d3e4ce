/**
 * The dimensions an item is filed under, one value each: what rollups are keyed by, and what trends, themes and
 * verbatims filter and group by. Defined here once.
 */
export const ITEM_DIMENSIONS = [
  'kind',
  'source',
  'channel',
  'touchpoint',
  'journeyStage',
  'segment',
  'language',
] as const;
export type ItemDimension = (typeof ITEM_DIMENSIONS)[number];

/** What can spike: how many items there are, or the share of them that is negative. */
export const ANOMALY_KINDS = ['volume_spike', 'negative_share_spike'] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

/**
 * Where spikes are looked for: each value of these dimensions is a series of its own. Every item dimension a
 * digest reader's slice can name is one, so a regional head's email lists their segment's spikes.
 */
export const ANOMALY_DIMENSIONS = [
  'topic',
  'touchpoint',
  'channel',
  'segment',
  'journeyStage',
  'source',
  'kind',
] as const;
export type AnomalyDimension = (typeof ANOMALY_DIMENSIONS)[number];

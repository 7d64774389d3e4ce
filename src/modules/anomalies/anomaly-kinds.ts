/** What can spike: how many items there are, or the share of them that is negative. */
export const ANOMALY_KINDS = ['volume_spike', 'negative_share_spike'] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

/** Where spikes are looked for: each value of these dimensions is a series of its own. */
export const ANOMALY_DIMENSIONS = ['topic', 'touchpoint', 'channel'] as const;
export type AnomalyDimension = (typeof ANOMALY_DIMENSIONS)[number];

import type { AnomalyDimension } from './anomaly-kinds';
import type { SeriesHistory } from './spike-detector';

/** Where the spike tests get their daily counts: the analytics query layer (see query-layer-series.source.ts). */
export interface DailySeriesSource {
  /** Every series of `dimension` with its counts per UTC day in [fromDay, toDay] (inclusive). */
  series(dimension: AnomalyDimension, fromDay: string, toDay: string): Promise<SeriesHistory[]>;
}

export const DAILY_SERIES_SOURCE = Symbol('DAILY_SERIES_SOURCE');

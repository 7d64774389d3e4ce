import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AnomalyDimension, AnomalyKind } from '../anomaly-kinds';

/** A day or week in which one series (a topic, or one value of an item dimension: touchpoint, channel, segment…) spiked against its weekday baseline. */
@Entity('anomalies')
@Index('uq_anomalies_series_day', ['kind', 'dimension', 'dimensionValue', 'window', 'day'], { unique: true })
@Index('idx_anomalies_day', ['day'])
export class AnomalyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  kind: AnomalyKind;

  @Column({ type: 'varchar', length: 16 })
  dimension: AnomalyDimension;

  @Column({ type: 'varchar', length: 100, name: 'dimension_value' })
  dimensionValue: string;

  /** `day`: that day alone; `week`: the 7 days ending on `day`. */
  @Column({ type: 'varchar', length: 8, name: 'span' })
  window: 'day' | 'week';

  /** The UTC day (the last day of the window), `YYYY-MM-DD`. */
  @Column({ type: 'varchar', length: 10 })
  day: string;

  /** Items (volume) or negative share (0..1) that day. */
  @Column({ type: 'float' })
  observed: number;

  /** What the baseline expected: the weekday median count, or the baseline's pooled negative share. */
  @Column({ type: 'float' })
  expected: number;

  /** Items in the series that day. */
  @Column({ type: 'int' })
  n: number;

  /** Items over the baseline days. */
  @Column({ type: 'int', name: 'baseline_n' })
  baselineN: number;

  @Column({ type: 'float', name: 'p_value' })
  pValue: number;

  /** Benjamini–Hochberg adjusted p-value over every series tested that day. */
  @Column({ type: 'float', name: 'q_value' })
  qValue: number;

  @Column({ type: 'datetime', name: 'detected_at' })
  detectedAt: Date;
}

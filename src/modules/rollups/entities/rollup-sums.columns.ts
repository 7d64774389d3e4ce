import { Column, PrimaryColumn } from 'typeorm';

/** The sums every rollup table holds. */
export abstract class RollupSumColumns {
  @Column({ type: 'int' }) n: number;
  @Column({ type: 'int', name: 'sent_n' }) sentN: number;
  @Column({ type: 'double', name: 'sent_sum' }) sentSum: number;
  @Column({ type: 'double', name: 'sent_sq' }) sentSq: number;
  @Column({ type: 'int' }) positive: number;
  @Column({ type: 'int' }) negative: number;
  @Column({ type: 'int' }) neutral: number;
  @Column({ type: 'int' }) mixed: number;
  @Column({ type: 'int' }) promoters: number;
  @Column({ type: 'int' }) passives: number;
  @Column({ type: 'int' }) detractors: number;
  @Column({ type: 'int', name: 'csat_n' }) csatN: number;
  @Column({ type: 'int', name: 'csat_top' }) csatTop: number;
  @Column({ type: 'int', name: 'ces_n' }) cesN: number;
  @Column({ type: 'double', name: 'ces_sum' }) cesSum: number;
  @Column({ type: 'double', name: 'ces_sq' }) cesSq: number;
  /** Answers of 6 or 7 (low effort); added later (migration 1733800000000), hence the default for old rows. */
  @Column({ type: 'int', name: 'ces_low', default: 0 }) cesLow: number;
  @Column({ type: 'int', name: 'rating_n' }) ratingN: number;
  @Column({ type: 'double', name: 'rating_sum' }) ratingSum: number;
  @Column({ type: 'double', name: 'rating_sq' }) ratingSq: number;
}

/**
 * The columns shared by the hourly and the daily rollup tables: a bucket number, the dimensions ('' when the item
 * has no value: MySQL unique keys treat NULLs as distinct, so '' keeps one row per combination), and the sums.
 * `topicKey` / `signalType` are '' on item rows; a topic row (one per topic an item mentions) or a signal row
 * (one per signal) has exactly one of them set. They lead the key so item rows read as one contiguous range.
 */
export abstract class RollupSumsColumns extends RollupSumColumns {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'topic_key' }) topicKey: string;
  @PrimaryColumn({ type: 'varchar', length: 20, name: 'signal_type' }) signalType: string;
  /** Whole hours (hourly table) or whole days (daily table) since 1970-01-01T00:00Z. */
  @PrimaryColumn({ type: 'int' }) bucket: number;
  @PrimaryColumn({ type: 'varchar', length: 20 }) kind: string;
  @PrimaryColumn({ type: 'varchar', length: 64 }) source: string;
  @PrimaryColumn({ type: 'varchar', length: 20 }) channel: string;
  @PrimaryColumn({ type: 'varchar', length: 100 }) touchpoint: string;
  @PrimaryColumn({ type: 'varchar', length: 20, name: 'journey_stage' }) journeyStage: string;
  @PrimaryColumn({ type: 'varchar', length: 100 }) segment: string;
  @PrimaryColumn({ type: 'varchar', length: 8 }) language: string;
}

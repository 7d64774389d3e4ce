import { PrimaryColumn } from 'typeorm';
import { RollupSumColumns } from './rollup-sums.columns';

/**
 * The key of every slice level (see SliceKey): topic and signal lead, as in the full rollups; then the sliced
 * dimensions ('' = not sliced), the bucket (an hour, day, ISO week or month; see rollup-calendar) and the
 * values, so one slice of a range of buckets is one contiguous range of the key.
 */
export abstract class RollupSliceColumns extends RollupSumColumns {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'topic_key' }) topicKey: string;
  @PrimaryColumn({ type: 'varchar', length: 20, name: 'signal_type' }) signalType: string;
  @PrimaryColumn({ type: 'varchar', length: 16, name: 'dim_a' }) dimA: string;
  @PrimaryColumn({ type: 'varchar', length: 16, name: 'dim_b' }) dimB: string;
  @PrimaryColumn({ type: 'int' }) bucket: number;
  @PrimaryColumn({ type: 'varchar', length: 100, name: 'value_a' }) valueA: string;
  @PrimaryColumn({ type: 'varchar', length: 100, name: 'value_b' }) valueB: string;
}

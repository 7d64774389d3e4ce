import { Entity, PrimaryColumn } from 'typeorm';
import { RollupSumColumns } from './rollup-sums.columns';

/**
 * Sums per UTC day for one value of at most two dimensions (see SliceKey): a question with one filter
 * dimension and one group-by reads ~a hundred rows a day here instead of one per combination of all seven.
 */
@Entity('rollup_day_slices')
export class RollupDaySliceEntity extends RollupSumColumns {
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'topic_key' }) topicKey: string;
  @PrimaryColumn({ type: 'varchar', length: 20, name: 'signal_type' }) signalType: string;
  @PrimaryColumn({ type: 'varchar', length: 16, name: 'dim_a' }) dimA: string;
  @PrimaryColumn({ type: 'varchar', length: 16, name: 'dim_b' }) dimB: string;
  @PrimaryColumn({ type: 'int' }) bucket: number;
  @PrimaryColumn({ type: 'varchar', length: 100, name: 'value_a' }) valueA: string;
  @PrimaryColumn({ type: 'varchar', length: 100, name: 'value_b' }) valueB: string;
}

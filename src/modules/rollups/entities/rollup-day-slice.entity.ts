import { Entity } from 'typeorm';
import { RollupSliceColumns } from './rollup-slice.columns';

/**
 * Sums per UTC day for one value of at most two dimensions (see SliceKey): a question with one filter
 * dimension and one group-by reads ~a hundred rows a day here instead of one per combination of all seven.
 */
@Entity('rollup_day_slices')
export class RollupDaySliceEntity extends RollupSliceColumns {}

import { Entity } from 'typeorm';
import { RollupSliceColumns } from './rollup-slice.columns';

/** Sums per ISO week (Monday to Sunday, UTC) for one value of at most two dimensions: whole interior weeks. */
@Entity('rollup_week_slices')
export class RollupWeekSliceEntity extends RollupSliceColumns {}

import { Entity } from 'typeorm';
import { RollupSliceColumns } from './rollup-slice.columns';

/** Sums per calendar month (UTC) for one value of at most two dimensions: whole interior months. */
@Entity('rollup_month_slices')
export class RollupMonthSliceEntity extends RollupSliceColumns {}

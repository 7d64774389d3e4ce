import { Entity } from 'typeorm';
import { RollupSliceColumns } from './rollup-slice.columns';

/** Sums per UTC hour for the total or one value of one dimension: the edge hours of non-UTC questions. */
@Entity('rollup_hour_slices')
export class RollupHourSliceEntity extends RollupSliceColumns {}

import { Entity } from 'typeorm';
import { RollupSumsColumns } from './rollup-sums.columns';

/** Sums per UTC hour: read only for the partial days at the edges of a bucket in a non-UTC time zone. */
@Entity('rollup_hours')
export class RollupHourEntity extends RollupSumsColumns {}

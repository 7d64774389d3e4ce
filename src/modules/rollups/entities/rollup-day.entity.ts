import { Entity } from 'typeorm';
import { RollupSumsColumns } from './rollup-sums.columns';

/** Sums per UTC day: what a bucket's whole interior days are read from. */
@Entity('rollup_days')
export class RollupDayEntity extends RollupSumsColumns {}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One edit of the index weights: versions only grow, so any number's weights can be traced back. */
@Entity('index_weight_versions')
export class IndexWeightsVersionEntity {
  @PrimaryColumn({ type: 'int' }) version: number;
  /** IndexWeights as JSON. */
  @Column({ type: 'text' }) weights: string;
  @Column({ type: 'datetime', name: 'created_at', precision: 3 }) createdAt: Date;
}

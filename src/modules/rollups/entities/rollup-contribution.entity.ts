import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What one feedback item currently adds to the rollups (its facts as JSON), so re-analysis, erasure and deletion
 * subtract exactly what was added, whatever changed in the raw rows since.
 */
@Entity('rollup_contributions')
export class RollupContributionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'feedback_id' }) feedbackId: string;
  @Column({ type: 'text' }) facts: string;
}

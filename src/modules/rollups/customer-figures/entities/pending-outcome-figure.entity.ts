import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An outcome event stored but not yet in the customer-level figures (see FoldOutcomeFiguresJob). */
@Entity('outcome_figures_pending')
@Index('idx_outcome_figures_pending_received', ['receivedAt'])
export class PendingOutcomeFigureEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'outcome_id' })
  outcomeId: string;

  @Column({ type: 'datetime', precision: 3, name: 'received_at' })
  receivedAt: Date;
}

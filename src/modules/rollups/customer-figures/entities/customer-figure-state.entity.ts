import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What one subject (a customer id, or '' for events of no customer) has in one bucket (a SubjectState as JSON),
 * so a change subtracts exactly the counts the subject added before and adds its new ones.
 */
@Entity('customer_figure_states')
export class CustomerFigureStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) subject: string;
  @PrimaryColumn({ type: 'varchar', length: 8 }) grain: string;
  @PrimaryColumn({ type: 'int' }) bucket: number;
  @Column({ type: 'text' }) state: string;
}

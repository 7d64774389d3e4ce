import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Customer-level counts (distinct customers, and outcome counts) per bucket of one grain and per slice of at
 * most two item dimensions: what the customer and outcome components of the SAT indices read.
 */
@Entity('customer_figure_slices')
export class CustomerFigureSliceEntity {
  @PrimaryColumn({ type: 'varchar', length: 8 }) grain: string;
  @PrimaryColumn({ type: 'varchar', length: 16, name: 'dim_a' }) dimA: string;
  @PrimaryColumn({ type: 'varchar', length: 16, name: 'dim_b' }) dimB: string;
  @PrimaryColumn({ type: 'int' }) bucket: number;
  @PrimaryColumn({ type: 'varchar', length: 100, name: 'value_a' }) valueA: string;
  @PrimaryColumn({ type: 'varchar', length: 100, name: 'value_b' }) valueB: string;
  @Column({ type: 'int', name: 'with_sentiment' }) withSentiment: number;
  @Column({ type: 'int', name: 'two_or_more' }) twoOrMore: number;
  @Column({ type: 'int', name: 'two_or_more_positive' }) twoOrMorePositive: number;
  @Column({ type: 'int', name: 'recurring_complaints' }) recurringComplaints: number;
  @Column({ type: 'int', name: 'active_customers' }) activeCustomers: number;
  @Column({ type: 'int' }) referrers: number;
  @Column({ type: 'int' }) invited: number;
  @Column({ type: 'int' }) converted: number;
  @Column({ type: 'int', name: 'retention_at_start' }) retentionAtStart: number;
  @Column({ type: 'int' }) retained: number;
  @Column({ type: 'int', name: 'lifecycle_customers' }) lifecycleCustomers: number;
  @Column({ type: 'int', name: 'churned_customers' }) churnedCustomers: number;
}

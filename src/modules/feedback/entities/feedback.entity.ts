import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FeedbackKind } from '../dto/feedback-enums';

export const ANALYSIS_STATUSES = ['pending', 'analysed', 'failed', 'skipped'] as const;
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];

/** One piece of customer feedback, whatever its kind; the kind's own fields sit in `details`. */
@Entity('feedback')
@Index('uq_feedback_source_external', ['source', 'externalId'], { unique: true })
@Index('idx_feedback_occurred', ['occurredAt'])
@Index('idx_feedback_touchpoint_recent', ['touchpoint', 'occurredAt'])
@Index('idx_feedback_stage_recent', ['journeyStage', 'occurredAt'])
@Index('idx_feedback_customer_facts', ['customerId', 'occurredAt', 'npsScore'])
@Index('idx_feedback_nps_range', ['occurredAt', 'customerId', 'npsScore'])
@Index('idx_feedback_status', ['analysisStatus', 'receivedAt'])
// Verbatim search (MySQL FULLTEXT; SQLite uses an FTS5 table): made by migration 1733600000000, not synchronised.
@Index('ftx_feedback_text', { synchronize: false })
export class FeedbackEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  kind: FeedbackKind;

  @Column({ type: 'varchar', length: 64 })
  source: string;

  @Column({ type: 'varchar', length: 200, name: 'external_id', nullable: true, default: null })
  externalId: string | null;

  @Column({ type: 'varchar', length: 20 })
  channel: string;

  @Column({ type: 'varchar', length: 100, nullable: true, default: null })
  touchpoint: string | null;

  @Column({ type: 'varchar', length: 20, name: 'journey_stage', nullable: true, default: null })
  journeyStage: string | null;

  @Column({ type: 'varchar', length: 36, name: 'customer_id', nullable: true, default: null })
  customerId: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true, default: null })
  segment: string | null;

  /** Already stripped of personal data. */
  @Column({ type: 'text', nullable: true, default: null })
  text: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true, default: null })
  language: string | null;

  /** Kinds of personal data replaced in `text`, comma-separated (email,phone,card,iban). */
  @Column({ type: 'varchar', length: 64, name: 'redacted_kinds', nullable: true, default: null })
  redactedKinds: string | null;

  /** Normalised to 0..1 so reviews on any scale compare. */
  @Column({ type: 'float', nullable: true, default: null })
  rating: number | null;

  @Column({ type: 'int', name: 'nps_score', nullable: true, default: null })
  npsScore: number | null;

  /** Normalised to 0..1. */
  @Column({ type: 'float', nullable: true, default: null })
  csat: number | null;

  @Column({ type: 'int', nullable: true, default: null })
  ces: number | null;

  /** The kind's own fields (scale, product, platform, agent, outcome, …) and free metadata. */
  @Column({ type: 'simple-json', nullable: true, default: null })
  details: Record<string, unknown> | null;

  @Column({ type: 'datetime', name: 'occurred_at' })
  occurredAt: Date;

  @Column({ type: 'datetime', name: 'received_at', precision: 3 })
  receivedAt: Date;

  @Column({ type: 'varchar', length: 16, name: 'analysis_status' })
  analysisStatus: AnalysisStatus;

  @Column({ type: 'varchar', length: 500, name: 'analysis_error', nullable: true, default: null })
  analysisError: string | null;
}

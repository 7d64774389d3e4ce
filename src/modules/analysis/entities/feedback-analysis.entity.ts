import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The analysis of one feedback item by one pipeline version; re-analysis adds a row, never edits one. */
@Entity('feedback_analysis')
@Index('idx_feedback_analysis_version', ['pipelineVersion', 'sentimentLabel'])
export class FeedbackAnalysisEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'feedback_id' })
  feedbackId: string;

  @PrimaryColumn({ type: 'varchar', length: 32, name: 'pipeline_version' })
  pipelineVersion: string;

  @Column({ type: 'varchar', length: 8, nullable: true, default: null })
  language: string | null;

  /** False when the text is in a language the pipeline does not score. */
  @Column({ type: 'boolean' })
  supported: boolean;

  @Column({ type: 'varchar', length: 10, name: 'sentiment_label', nullable: true, default: null })
  sentimentLabel: string | null;

  @Column({ type: 'float', name: 'sentiment_score', nullable: true, default: null })
  sentimentScore: number | null;

  @Column({ type: 'float', name: 'sentiment_confidence', nullable: true, default: null })
  sentimentConfidence: number | null;

  /** Comma-separated signal types (complaint, praise, question, suggestion, churn_risk, urgency). */
  @Column({ type: 'varchar', length: 200, nullable: true, default: null })
  signals: string | null;

  /** The full result: sentences, topics with their sentiment and evidence, explanations. */
  @Column({ type: 'text' })
  result: string;

  /** Milliseconds kept: the analysis latency benchmark measures received → analysed. */
  @Column({ type: 'datetime', name: 'analysed_at', precision: 3 })
  analysedAt: Date;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One topic found in one feedback item (by one pipeline version), with its own sentiment: what trends group by. */
@Entity('feedback_topics')
@Index('idx_feedback_topics_topic', ['pipelineVersion', 'topicKey'])
@Index('idx_feedback_topics_recent', ['pipelineVersion', 'topicKey', 'occurredAt', 'feedbackId'])
@Index('idx_feedback_topics_negative', ['pipelineVersion', 'sentimentLabel', 'occurredAt'])
export class FeedbackTopicEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'feedback_id' })
  feedbackId: string;

  @PrimaryColumn({ type: 'varchar', length: 32, name: 'pipeline_version' })
  pipelineVersion: string;

  @PrimaryColumn({ type: 'varchar', length: 64, name: 'topic_key' })
  topicKey: string;

  @Column({ type: 'float' })
  confidence: number;

  @Column({ type: 'varchar', length: 10, name: 'sentiment_label' })
  sentimentLabel: string;

  @Column({ type: 'float', name: 'sentiment_score' })
  sentimentScore: number;

  /** The item's occurred_at (never changes once stored): the newest mentions of a topic are one index range. */
  @Column({ type: 'datetime', name: 'occurred_at', nullable: true, default: null })
  occurredAt: Date | null;
}

import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

const INDEX = 'idx_feedback_topics_negative';

/**
 * The negative topic mentions of a window as one index range (their items' occurred_at, migration
 * 1733920000001): cross-channel pain points read them and join each to its item by primary key, instead of
 * every item of the window joined to its topics.
 */
export class AddFeedbackTopicNegativeIndex1733920000002 implements MigrationInterface {
  name = 'AddFeedbackTopicNegativeIndex1733920000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'feedback_topics',
      new TableIndex({ name: INDEX, columnNames: ['pipeline_version', 'sentiment_label', 'occurred_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('feedback_topics', INDEX);
  }
}

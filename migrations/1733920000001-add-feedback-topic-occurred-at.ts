import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { nullable } from './column-helpers';

const INDEX = 'idx_feedback_topics_recent';

/**
 * Each topic mention carries its item's `occurred_at` (immutable once stored), so "the newest verbatims about
 * topic X in a range" is one backward range scan of an index instead of every mention of X joined and sorted
 * (topic insights and pain points show such examples; the verbatim search filters by topic).
 */
export class AddFeedbackTopicOccurredAt1733920000001 implements MigrationInterface {
  name = 'AddFeedbackTopicOccurredAt1733920000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('feedback_topics', new TableColumn(nullable('occurred_at', 'datetime')));
    if (queryRunner.connection.options.type === 'better-sqlite3')
      await queryRunner.query(
        'UPDATE feedback_topics SET occurred_at = (SELECT f.occurred_at FROM feedback f WHERE f.id = feedback_topics.feedback_id)',
      );
    else
      await queryRunner.query(
        'UPDATE feedback_topics t JOIN feedback f ON f.id = t.feedback_id SET t.occurred_at = f.occurred_at',
      );
    await queryRunner.createIndex(
      'feedback_topics',
      new TableIndex({
        name: INDEX,
        columnNames: ['pipeline_version', 'topic_key', 'occurred_at', 'feedback_id'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('feedback_topics', INDEX);
    await queryRunner.dropColumn('feedback_topics', 'occurred_at');
  }
}

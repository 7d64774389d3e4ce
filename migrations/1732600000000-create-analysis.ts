import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { nullable } from './column-helpers';

export class CreateAnalysis1732600000000 implements MigrationInterface {
  name = 'CreateAnalysis1732600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'feedback_analysis',
        columns: [
          { name: 'feedback_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'pipeline_version', type: 'varchar', length: '32', isPrimary: true },
          nullable('language', 'varchar', '8'),
          { name: 'supported', type: 'boolean' },
          nullable('sentiment_label', 'varchar', '10'),
          nullable('sentiment_score', 'float'),
          nullable('sentiment_confidence', 'float'),
          nullable('signals', 'varchar', '200'),
          { name: 'result', type: 'text' },
          { name: 'analysed_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          new TableIndex({
            name: 'idx_feedback_analysis_version',
            columnNames: ['pipeline_version', 'sentiment_label'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'feedback_topics',
        columns: [
          { name: 'feedback_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'pipeline_version', type: 'varchar', length: '32', isPrimary: true },
          { name: 'topic_key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'confidence', type: 'float' },
          { name: 'sentiment_label', type: 'varchar', length: '10' },
          { name: 'sentiment_score', type: 'float' },
        ],
        indices: [
          new TableIndex({
            name: 'idx_feedback_topics_topic',
            columnNames: ['pipeline_version', 'topic_key'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'topics',
        columns: [
          { name: 'key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          nullable('parent_key', 'varchar', '64'),
          { name: 'phrases', type: 'text' },
          { name: 'exclusions', type: 'text' },
          { name: 'examples', type: 'text' },
          { name: 'created_at', type: 'datetime' },
          { name: 'updated_at', type: 'datetime' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reprocess_runs',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'pipeline_version', type: 'varchar', length: '32' },
          nullable('filter', 'text'),
          { name: 'total', type: 'integer' },
          { name: 'processed', type: 'integer' },
          { name: 'failed', type: 'integer' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'created_at', type: 'datetime' },
          nullable('finished_at', 'datetime'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['reprocess_runs', 'topics', 'feedback_topics', 'feedback_analysis'])
      await queryRunner.dropTable(table);
  }
}

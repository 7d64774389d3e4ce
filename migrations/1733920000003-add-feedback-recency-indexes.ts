import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

const INDEXES = [
  new TableIndex({ name: 'idx_feedback_touchpoint_recent', columnNames: ['touchpoint', 'occurred_at'] }),
  new TableIndex({ name: 'idx_feedback_stage_recent', columnNames: ['journey_stage', 'occurred_at'] }),
];

/**
 * The newest verbatims of one touchpoint or journey stage (pain points' examples, the verbatim search's most
 * common filters) as one backward index range, instead of the whole range of days read and sorted.
 */
export class AddFeedbackRecencyIndexes1733920000003 implements MigrationInterface {
  name = 'AddFeedbackRecencyIndexes1733920000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of INDEXES) await queryRunner.createIndex('feedback', index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of INDEXES) await queryRunner.dropIndex('feedback', index.name!);
  }
}

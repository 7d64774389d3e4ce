import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** Keeps alias `a` only when it is its item's newest analysis (as the rollups and correlations count it). */
const NEWEST = `NOT EXISTS (SELECT 1 FROM feedback_analysis newer
  WHERE newer.feedback_id = a.feedback_id AND (newer.analysed_at > a.analysed_at
    OR (newer.analysed_at = a.analysed_at AND newer.pipeline_version > a.pipeline_version)))`;

/**
 * Correlations and key drivers read each identified customer's items with the sentiment of their newest
 * analysis. Finding the newest analysis of 250 k items took ~1.8 s of a 2.3 s answer at 1 M items; these two
 * tables keep one row per item (and per topic mention of its newest analysis) with what those reads need, kept
 * in the analysis transaction (see docs/outcomes.md). Filled here from the existing rows, so an upgrade needs
 * no rebuild.
 */
export class CreateCustomerItemFacts1734000000000 implements MigrationInterface {
  name = 'CreateCustomerItemFacts1734000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const common = [
      { name: 'customer_id', type: 'varchar', length: '36' },
      { name: 'occurred_at', type: 'datetime' },
      { name: 'segment', type: 'varchar', length: '100', isNullable: true },
    ];
    await queryRunner.createTable(
      new Table({
        name: 'customer_item_facts',
        columns: [
          { name: 'feedback_id', type: 'varchar', length: '36', isPrimary: true },
          ...common,
          { name: 'sentiment_score', type: 'float' },
        ],
        // Customer first: the per-customer average streams through the index in customer order, where a range-first
        // index needs a temporary table of one row per customer (≈ 3× slower measured, and past tmp_table_size).
        indices: [
          new TableIndex({
            name: 'idx_customer_item_facts_customer',
            columnNames: ['customer_id', 'occurred_at', 'sentiment_score', 'segment'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'customer_topic_mentions',
        columns: [
          { name: 'feedback_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'topic_key', type: 'varchar', length: '64', isPrimary: true },
          ...common,
          { name: 'sentiment_label', type: 'varchar', length: '10' },
          { name: 'sentiment_score', type: 'float' },
        ],
        // Negative mentions in (customer, topic) order: DISTINCT streams. Performance per topic (a few dozen groups)
        // reads the range.
        indices: [
          new TableIndex({
            name: 'idx_customer_topic_mentions_negative',
            columnNames: ['sentiment_label', 'customer_id', 'topic_key', 'occurred_at', 'segment'],
          }),
          new TableIndex({
            name: 'idx_customer_topic_mentions_range',
            columnNames: ['occurred_at', 'topic_key', 'sentiment_score', 'segment'],
          }),
        ],
      }),
    );
    await queryRunner.query(
      `INSERT INTO customer_item_facts (feedback_id, customer_id, occurred_at, segment, sentiment_score)
       SELECT f.id, f.customer_id, f.occurred_at, f.segment, a.sentiment_score
       FROM feedback f JOIN feedback_analysis a ON a.feedback_id = f.id
       WHERE f.customer_id IS NOT NULL AND a.sentiment_score IS NOT NULL AND ${NEWEST}`,
    );
    await queryRunner.query(
      `INSERT INTO customer_topic_mentions
         (feedback_id, topic_key, customer_id, occurred_at, segment, sentiment_label, sentiment_score)
       SELECT f.id, t.topic_key, f.customer_id, f.occurred_at, f.segment, t.sentiment_label, t.sentiment_score
       FROM feedback f JOIN feedback_analysis a ON a.feedback_id = f.id
       JOIN feedback_topics t ON t.feedback_id = a.feedback_id AND t.pipeline_version = a.pipeline_version
       WHERE f.customer_id IS NOT NULL AND ${NEWEST}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('customer_topic_mentions');
    await queryRunner.dropTable('customer_item_facts');
  }
}

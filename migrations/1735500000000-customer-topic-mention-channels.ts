import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

const INDEX = 'idx_customer_topic_mentions_complaints';

/**
 * Cross-channel pain points ask who complained about a topic in two or more channels within a window. They read
 * the window's negative mentions joined to their items for the customer and the channel: at 1 M items ~30,000
 * primary-key lookups into `feedback`, 100–170 ms. The copies of the newest analysis's mentions
 * (customer_topic_mentions, kept in the analysis transaction) already hold the customer; with the item's channel
 * too, one index holds the whole answer (negative mentions by time, then topic, customer, channel). Filled here
 * from the items (a channel never changes once stored), so an upgrade needs no rebuild.
 */
export class CustomerTopicMentionChannels1735500000000 implements MigrationInterface {
  name = 'CustomerTopicMentionChannels1735500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE customer_topic_mentions ADD COLUMN channel varchar(20) NOT NULL DEFAULT ''",
    );
    await queryRunner.query(
      `UPDATE customer_topic_mentions
       SET channel = (SELECT f.channel FROM feedback f WHERE f.id = customer_topic_mentions.feedback_id)`,
    );
    await queryRunner.createIndex(
      'customer_topic_mentions',
      new TableIndex({
        name: INDEX,
        columnNames: ['sentiment_label', 'occurred_at', 'topic_key', 'customer_id', 'channel'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('customer_topic_mentions', INDEX);
    await queryRunner.query('ALTER TABLE customer_topic_mentions DROP COLUMN channel');
  }
}

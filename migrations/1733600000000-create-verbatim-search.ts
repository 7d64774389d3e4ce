import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search over feedback text. SQLite: an FTS5 table over `feedback` (external content, so the text is
 * not stored twice) kept in step by triggers on insert, text change (erasure) and delete. MySQL/MariaDB: a
 * FULLTEXT index, which InnoDB maintains itself. Note for later migrations: SQLite's TypeORM rebuilds a table
 * to alter it, which drops its triggers and renumbers rowids; a migration that alters `feedback` must recreate
 * these triggers and rebuild the index (`recreateVerbatimSearch` below).
 */
export class CreateVerbatimSearch1733600000000 implements MigrationInterface {
  name = 'CreateVerbatimSearch1733600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'better-sqlite3') await recreateVerbatimSearch(queryRunner);
    else await queryRunner.query('ALTER TABLE `feedback` ADD FULLTEXT INDEX `ftx_feedback_text` (`text`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'better-sqlite3') await dropSqliteSearch(queryRunner);
    else await queryRunner.query('ALTER TABLE `feedback` DROP INDEX `ftx_feedback_text`');
  }
}

export async function recreateVerbatimSearch(queryRunner: QueryRunner): Promise<void> {
  await dropSqliteSearch(queryRunner);
  await queryRunner.query(
    `CREATE VIRTUAL TABLE feedback_fts USING fts5(text, content='feedback', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`,
  );
  await queryRunner.query(
    `CREATE TRIGGER feedback_fts_insert AFTER INSERT ON feedback WHEN new.text IS NOT NULL BEGIN
       INSERT INTO feedback_fts(rowid, text) VALUES (new.rowid, new.text);
     END`,
  );
  await queryRunner.query(
    `CREATE TRIGGER feedback_fts_delete AFTER DELETE ON feedback WHEN old.text IS NOT NULL BEGIN
       INSERT INTO feedback_fts(feedback_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
     END`,
  );
  await queryRunner.query(
    `CREATE TRIGGER feedback_fts_update AFTER UPDATE OF text ON feedback BEGIN
       INSERT INTO feedback_fts(feedback_fts, rowid, text) SELECT 'delete', old.rowid, old.text WHERE old.text IS NOT NULL;
       INSERT INTO feedback_fts(rowid, text) SELECT new.rowid, new.text WHERE new.text IS NOT NULL;
     END`,
  );
  await queryRunner.query(`INSERT INTO feedback_fts(feedback_fts) VALUES ('rebuild')`);
}

async function dropSqliteSearch(queryRunner: QueryRunner): Promise<void> {
  for (const trigger of ['feedback_fts_insert', 'feedback_fts_delete', 'feedback_fts_update'])
    await queryRunner.query(`DROP TRIGGER IF EXISTS ${trigger}`);
  await queryRunner.query('DROP TABLE IF EXISTS feedback_fts');
}

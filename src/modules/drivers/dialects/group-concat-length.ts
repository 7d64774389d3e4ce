import { QueryRunner } from 'typeorm';

/**
 * MySQL/MariaDB cut GROUP_CONCAT at group_concat_max_len (1024 bytes by default): a customer who raised many
 * long-named topics would lose some. Widened for this connection only; SQLite has no such limit.
 */
export async function widenGroupConcat(runner: QueryRunner): Promise<void> {
  if (runner.connection.options.type !== 'better-sqlite3')
    await runner.query('SET SESSION group_concat_max_len = 1048576');
}

/**
 * Which half of the matrix this e2e run covers: `sqlite` (embedded: SQLite file + memory queue) or
 * `mysql` (MySQL + Bull on Redis). scripts/run-tests.js runs the e2e project once per target.
 */
export type TestTarget = 'sqlite' | 'mysql';

export const TEST_TARGET: TestTarget = process.env.HEARKEN_TEST_TARGET === 'mysql' ? 'mysql' : 'sqlite';
export const TEST_MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

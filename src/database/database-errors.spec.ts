import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, isUniqueViolation } from './database-errors';

const wrapped = (driverError: object) =>
  new QueryFailedError('SELECT 1', [], Object.assign(new Error('driver'), driverError));

describe('database errors', () => {
  it.each([
    ['refused', wrapped({ code: 'ECONNREFUSED' })],
    ['query timeout', wrapped({ code: 'PROTOCOL_SEQUENCE_TIMEOUT', message: 'Query inactivity timeout' })],
    ['lost', Object.assign(new Error('Connection lost: The server closed the connection.'), { fatal: true })],
    ['pool queue full', new Error('Queue limit reached.')],
    ['sqlite busy', wrapped({ code: 'SQLITE_BUSY' })],
  ])('%s is unavailable', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isUniqueViolation(error)).toBe(false);
  });

  it.each([
    ['mysql duplicate', wrapped({ code: 'ER_DUP_ENTRY' })],
    ['sqlite duplicate', wrapped({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' })],
  ])('%s is a unique violation, not an outage', (_what, error) => {
    expect(isUniqueViolation(error)).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('a syntax error is neither', () => {
    expect(isDatabaseUnavailable(wrapped({ code: 'ER_PARSE_ERROR' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
  });
});

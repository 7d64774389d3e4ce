import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, isDeadlock, isUniqueViolation, retryOnDeadlock } from './database-errors';

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

describe('retryOnDeadlock', () => {
  const deadlock = () =>
    new QueryFailedError(
      'INSERT',
      [],
      Object.assign(new Error('Deadlock found'), { code: 'ER_LOCK_DEADLOCK' }),
    );

  it('runs a transaction chosen as a deadlock victim again, and returns its result', async () => {
    let calls = 0;
    const result = await retryOnDeadlock(async () => {
      if (++calls < 3) throw deadlock();
      return 'committed';
    });
    expect([result, calls]).toEqual(['committed', 3]);
    expect(isDeadlock(deadlock())).toBe(true);
  });

  it('gives up after its attempts, and never retries other errors', async () => {
    let calls = 0;
    await expect(retryOnDeadlock(async () => (calls++, Promise.reject(deadlock())), 2)).rejects.toThrow(
      'Deadlock',
    );
    expect(calls).toBe(2);
    calls = 0;
    await expect(retryOnDeadlock(async () => (calls++, Promise.reject(new Error('boom'))))).rejects.toThrow(
      'boom',
    );
    expect(calls).toBe(1);
  });
});

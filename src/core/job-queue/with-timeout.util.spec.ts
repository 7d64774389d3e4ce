import { TimeoutError, withTimeout } from './with-timeout.util';

describe('withTimeout', () => {
  it('passes through a result that arrives in time', async () => {
    const quick = new Promise<string>((resolve) => setTimeout(() => resolve('done'), 10));
    await expect(withTimeout(quick, 200, 'too slow')).resolves.toBe('done');
  });

  it('rejects with TimeoutError once the time is up', async () => {
    const startedAt = Date.now();
    const never = new Promise<never>(() => undefined);
    await expect(withTimeout(never, 80, 'too slow')).rejects.toEqual(new TimeoutError('too slow'));
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(75);
  });

  it('passes through a rejection that arrives in time', async () => {
    await expect(withTimeout(Promise.reject(new Error('boom')), 200, 'too slow')).rejects.toThrow('boom');
  });
});

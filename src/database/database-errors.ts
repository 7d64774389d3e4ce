/**
 * What a database error means for the caller. Drivers wrap differently (TypeORM's QueryFailedError keeps
 * the driver's error in `driverError`), so every layer is looked at.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT', // mysql2's query timeout
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_LOCK_DEADLOCK',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_TIMEOUT',
]);
const UNAVAILABLE_MESSAGES =
  /Queue limit reached|Pool is closed|connection is in closed state|Connection lost|Query inactivity timeout|database connection is not open|Connection is not established/i;
const UNIQUE_CODES = new Set(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_CONSTRAINT_UNIQUE']);

function* layers(error: unknown): Generator<{ code?: unknown; message?: unknown; fatal?: unknown }> {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    yield current as { code?: unknown };
    const c = current as { driverError?: unknown; cause?: unknown };
    current = c.driverError ?? c.cause;
  }
}

/** The database cannot be reached, is overloaded or timed out: worth a retry later (503), not a bug (500). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const layer of layers(error)) {
    if (typeof layer.code === 'string' && UNAVAILABLE_CODES.has(layer.code)) return true;
    if (typeof layer.message === 'string' && UNAVAILABLE_MESSAGES.test(layer.message)) return true;
    if (layer.fatal === true) return true; // mysql2: the connection is unusable
  }
  return false;
}

export function isUniqueViolation(error: unknown): boolean {
  for (const layer of layers(error)) {
    if (typeof layer.code === 'string' && UNIQUE_CODES.has(layer.code)) return true;
  }
  return false;
}

/** MySQL chose this transaction as a deadlock victim: re-running it is the documented remedy. */
export function isDeadlock(error: unknown): boolean {
  for (const layer of layers(error)) if (layer.code === 'ER_LOCK_DEADLOCK') return true;
  return false;
}

/**
 * Runs a whole transaction again when MySQL picks it as a deadlock victim (its work was rolled back, so a re-run
 * is safe), up to `attempts` times with a short random pause; any other error, or the last deadlock, is thrown.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isDeadlock(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}

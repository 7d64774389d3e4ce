import pino, { Logger } from 'pino';
import { LogLevel } from '../../config/app-config';
import { currentRequestId } from './request-context';

/**
 * One pino instance per process: JSON lines, each stamped with the current request id when there is one.
 * Lines go to stdout asynchronously: under load, lines logged while a write is under way go out together in
 * the next one instead of a write per line; pino flushes what is left when the process exits.
 */
export function createPino(
  level: LogLevel,
  destination: pino.DestinationStream = pino.destination({ dest: 1, sync: false }),
): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      redact: {
        paths: ['req.headers.authorization', 'headers.authorization', '*.secret', '*.key'],
        censor: '[REDACTED]',
      },
    },
    destination,
  );
}

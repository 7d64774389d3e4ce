import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, LessThan } from 'typeorm';
import { isUniqueViolation } from '../../database/database-errors';
import { AppException } from './app.exception';
import { IdempotencyRecordEntity } from './idempotency-record.entity';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

/**
 * `Idempotency-Key`: the first answer to (API key, route, key) is stored and replayed for 24 h; the same
 * key with a different body is a 422; a retry while the first is still running is a 409.
 */
@Injectable()
export class IdempotencyService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyService.name);
  private timer?: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purgeExpired(), 60 * 60 * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async run(
    scope: string,
    key: string | undefined,
    rawBody: string,
    handler: () => Promise<StoredResponse>,
  ): Promise<StoredResponse & { replayed: boolean }> {
    if (key === undefined) return { ...(await handler()), replayed: false };
    if (!KEY_PATTERN.test(key)) {
      throw new AppException(
        400,
        'Idempotency-Key must be 1-255 printable ASCII characters',
        'INVALID_IDEMPOTENCY_KEY',
        [{ field: 'Idempotency-Key', reason: 'must be 1-255 printable ASCII characters' }],
      );
    }
    const repo = this.dataSource.getRepository(IdempotencyRecordEntity);
    const id = sha256(`${scope}\u0000${key}`);
    const requestHash = sha256(rawBody);
    // Only a unique violation means "claimed before"; any other failure (the database down) is an error of
    // its own (503), never a 409 "in progress" for a key nobody is using.
    const claimed = await repo
      .insert({ id, requestHash, statusCode: null, responseBody: null, createdAt: new Date() })
      .then(
        () => true,
        (error: unknown) => {
          if (isUniqueViolation(error)) return false;
          throw error;
        },
      );
    if (!claimed) {
      const existing = await repo.findOne({ where: { id } });
      if (!existing)
        throw new AppException(
          409,
          'A request with this Idempotency-Key is still being processed',
          'IDEMPOTENCY_IN_PROGRESS',
        );
      if (Date.now() - existing.createdAt.getTime() < IDEMPOTENCY_TTL_MS)
        return this.replay(existing, requestHash);
      await repo.update({ id }, { requestHash, statusCode: null, responseBody: null, createdAt: new Date() });
    }
    let response: StoredResponse;
    try {
      response = await handler();
    } catch (error) {
      // A failure is not an answer worth replaying: free the key so the client can retry.
      await repo.delete({ id });
      throw error;
    }
    await repo.update(
      { id },
      { statusCode: response.statusCode, responseBody: JSON.stringify(response.body) },
    );
    return { ...response, replayed: false };
  }

  private replay(
    existing: IdempotencyRecordEntity,
    requestHash: string,
  ): StoredResponse & { replayed: boolean } {
    if (existing.requestHash !== requestHash) {
      throw new AppException(
        422,
        'This Idempotency-Key was used with a different request body',
        'IDEMPOTENCY_KEY_REUSED',
      );
    }
    if (existing.statusCode === null) {
      throw new AppException(
        409,
        'A request with this Idempotency-Key is still being processed',
        'IDEMPOTENCY_IN_PROGRESS',
      );
    }
    return {
      statusCode: existing.statusCode,
      body: JSON.parse(existing.responseBody ?? 'null'),
      replayed: true,
    };
  }

  async purgeExpired(): Promise<void> {
    try {
      await this.dataSource
        .getRepository(IdempotencyRecordEntity)
        .delete({ createdAt: LessThan(new Date(Date.now() - IDEMPOTENCY_TTL_MS)) });
    } catch (error) {
      this.logger.warn(`Could not purge idempotency records: ${(error as Error).message}`);
    }
  }
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

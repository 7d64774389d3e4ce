import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';

/**
 * Revocations reach every API process at once over Redis pub/sub (when REDIS_URL is set; embedded mode
 * is one process). A message missed while Redis is away is covered by the short cache lifetime.
 */
@Injectable()
export class RevocationChannel implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RevocationChannel.name);
  private readonly channel: string;
  private publisher?: Redis;
  private subscriber?: Redis;
  private readonly listeners: ((keyId: string) => void)[] = [];

  constructor(private readonly config: AppConfig) {
    this.channel = `${config.queuePrefix}:api-keys:revoked`;
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.redisUrl || !this.config.servesHttp) return;
    const options = { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true };
    this.publisher = new Redis(this.config.redisUrl, options);
    this.subscriber = new Redis(this.config.redisUrl, { ...options, enableOfflineQueue: true });
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
    }
    this.subscriber.on('message', (_channel, keyId: string) => this.listeners.forEach((l) => l(keyId)));
    try {
      await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
      await this.subscriber.subscribe(this.channel);
    } catch (error) {
      this.logger.warn(
        `Revocations will reach other processes by cache expiry only: ${(error as Error).message}`,
      );
    }
  }

  onRevoked(listener: (keyId: string) => void): void {
    this.listeners.push(listener);
  }

  async publish(keyId: string): Promise<void> {
    try {
      await this.publisher?.publish(this.channel, keyId);
    } catch (error) {
      this.logger.warn(`Could not announce revocation of ${keyId}: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.publisher, this.subscriber].map((c) => c?.quit().catch(() => c.disconnect())));
  }
}

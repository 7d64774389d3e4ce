import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { warmDigestRenderer } from './email/digest-renderer.warmup';

/**
 * DIGEST_WARMUP (default on): every process that may build a digest (the API for previews, workers for sends)
 * warms the email renderer before it reports ready, so no reader waits for it. Command-line tools do not.
 */
@Injectable()
export class DigestRendererWarmupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DigestRenderer');

  constructor(private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.digestWarmup || this.config.role === 'cli') return;
    const t0 = performance.now();
    const parts = await warmDigestRenderer();
    this.logger.log(
      `email renderer warmed in ${(performance.now() - t0).toFixed(0)} ms ` +
        `(charts ${parts.charts.toFixed(0)}, MJML ${parts.mjml.toFixed(0)})`,
    );
  }
}

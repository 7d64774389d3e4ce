import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { RevocationChannel } from './revocation-channel';

@Module({
  controllers: [ApiKeysController],
  providers: [
    ApiKeyRepository,
    ApiKeysService,
    RevocationChannel,
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
  exports: [ApiKeysService],
})
export class ApiKeysModule {}

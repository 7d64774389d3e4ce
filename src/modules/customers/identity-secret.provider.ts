import { Provider } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppConfig } from '../../config/app-config';

export const IDENTITY_SECRET = Symbol('IDENTITY_SECRET');

/**
 * The key of the identity hashes. IDENTITY_SECRET when set (required on MySQL, where several processes
 * must agree); in embedded mode a random one is made once and kept beside the SQLite file.
 */
export const identitySecretProvider: Provider = {
  provide: IDENTITY_SECRET,
  inject: [AppConfig],
  useFactory: (config: AppConfig): string => {
    if (config.identitySecret) return config.identitySecret;
    // loadConfig requires IDENTITY_SECRET on MySQL, so only the embedded SQLite mode gets here.
    const file = join(dirname(resolve(config.databaseUrl.slice('sqlite:'.length))), 'identity-secret');
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    }
    return readFileSync(file, 'utf8').trim();
  },
};

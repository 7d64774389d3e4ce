import { createHash, randomBytes } from 'node:crypto';

const PREFIX_LENGTH = 12;

/** `hk_` + 9 base62-ish characters of prefix + 32 of secret; only the prefix is stored in clear. */
export function generateApiKey(): string {
  return `hk_${randomToken(9)}${randomToken(32)}`;
}

export function prefixOf(key: string): string {
  return key.slice(0, PREFIX_LENGTH);
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function randomToken(length: number): string {
  return randomBytes(length * 2)
    .toString('base64')
    .replace(/[^a-zA-Z0-9]/g, '')
    .slice(0, length)
    .padEnd(length, '0');
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A native payload from test/fixtures/integrations, as a fresh object each time (tests edit it freely). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function fixture(name: string): any {
  return JSON.parse(readFileSync(join(__dirname, '../fixtures/integrations', name), 'utf8'));
}

/** Headers of a Standard Webhooks delivery of `body`, signed with the package itself. */
export function signedHeaders(
  secret: string,
  body: string,
  options: { id?: string; at?: Date } = {},
): Record<string, string> {
  const id = options.id ?? `msg_${randomUUID()}`;
  const at = options.at ?? new Date();
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

import { createHmac } from 'node:crypto';
import { normaliseEmail } from './normalise-email';
import { normalisePhone, PhoneOptions } from './normalise-phone';

export type IdentityKind = 'email' | 'phone' | 'external';

export interface IdentityKey {
  kind: IdentityKind;
  /** HMAC-SHA256 (hex) of `<kind>:<normalised value>` under the install's identity secret. */
  hash: string;
}

export interface CustomerIdentifiers {
  externalId?: string;
  email?: string;
  phone?: string;
}

/**
 * `source:externalId` — ids are only unique within the system that issued them. The source is a
 * slug (lower-cased); the id keeps its case (some systems' ids are case-sensitive).
 */
export function normaliseExternalId(source: string, externalId: string): string | undefined {
  const slug = source.trim().toLowerCase();
  const id = externalId.trim();
  return slug === '' || id === '' ? undefined : `${slug}:${id}`;
}

/**
 * Keyed hashes of every identifier the customer has, in the order email, phone, external.
 * A keyed hash (not a plain SHA) so a leaked table cannot be reversed by hashing a list of
 * known emails without also stealing the secret. Identifiers that do not normalise are skipped.
 */
export function identityKeys(
  customer: CustomerIdentifiers,
  source: string,
  secret: string,
  options: PhoneOptions = {},
): IdentityKey[] {
  if (secret.length === 0) throw new Error('identityKeys needs a non-empty secret');
  const keys: IdentityKey[] = [];
  const add = (kind: IdentityKind, value: string | undefined) => {
    if (value !== undefined) keys.push({ kind, hash: hashIdentity(kind, value, secret) });
  };
  if (customer.email !== undefined) add('email', normaliseEmail(customer.email));
  if (customer.phone !== undefined) add('phone', normalisePhone(customer.phone, options));
  if (customer.externalId !== undefined) add('external', normaliseExternalId(source, customer.externalId));
  return keys;
}

export function hashIdentity(kind: IdentityKind, normalisedValue: string, secret: string): string {
  return createHmac('sha256', secret).update(`${kind}:${normalisedValue}`).digest('hex');
}

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/**
 * Canonical email for identity matching: trimmed and lower-cased (no mainstream provider treats
 * the local part case-sensitively). For Gmail only, dots and `+tags` in the local part are dropped
 * and googlemail.com becomes gmail.com, because Google documents those as the same mailbox.
 * Other providers' `+tags` are kept: on many of them a tag is a different (alias) mailbox.
 * Returns undefined for something that is not an email.
 */
export function normaliseEmail(raw: string): string | undefined {
  const email = raw.trim().toLowerCase();
  if (!EMAIL_SHAPE.test(email)) return undefined;
  const at = email.lastIndexOf('@');
  const domain = email.slice(at + 1);
  if (!GMAIL_DOMAINS.has(domain)) return email;
  const local = email.slice(0, at).split('+')[0].replace(/\./g, '');
  return local === '' ? undefined : `${local}@gmail.com`;
}

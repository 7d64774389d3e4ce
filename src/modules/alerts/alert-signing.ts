import { Webhook } from 'standardwebhooks';

/** The Standard Webhooks headers of one try: same id on every retry, a fresh timestamp and signature. */
export function signDelivery(
  secret: string,
  id: string,
  body: string,
  at = new Date(),
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Hearken-Alerts/1',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

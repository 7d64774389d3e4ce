import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import {
  IntegrationErrorCode,
  InvalidWebhookIdException,
  WebhookUnauthorizedException,
} from './integrations.exception';

/** Standard Webhooks' tolerance, enforced here too so the rule does not hang on the package version. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;
export const WEBHOOK_ID_MAX_LENGTH = 255;
const WEBHOOK_ID_PATTERN = new RegExp(`^[\\x21-\\x7e]{1,${WEBHOOK_ID_MAX_LENGTH}}$`);

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/**
 * Checks a delivery's Standard Webhooks signature over the raw body against each of `secrets` (current,
 * then the previous one during a rotation's grace period). Returns the verified webhook-id; throws 401 otherwise.
 */
export function verifyWebhookSignature(
  rawBody: string,
  headers: Record<string, string | string[] | undefined>,
  secrets: string[],
): string {
  const signed = pickHeaders(headers);
  const timestamp = Number(signed['webhook-timestamp']);
  if (
    !/^\d{1,12}$/.test(signed['webhook-timestamp']) ||
    Math.abs(Date.now() / 1000 - timestamp) > WEBHOOK_TOLERANCE_SECONDS
  ) {
    throw new WebhookUnauthorizedException(
      IntegrationErrorCode.TimestampOutOfTolerance,
      `webhook-timestamp must be Unix seconds within ${WEBHOOK_TOLERANCE_SECONDS / 60} minutes of now`,
    );
  }
  for (const secret of secrets) {
    try {
      new Webhook(secret).verify(rawBody, { ...signed }, { jsonParse: false });
      if (!WEBHOOK_ID_PATTERN.test(signed['webhook-id']))
        throw new InvalidWebhookIdException(WEBHOOK_ID_MAX_LENGTH);
      return signed['webhook-id'];
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      if (/timestamp/i.test(error.message)) {
        throw new WebhookUnauthorizedException(IntegrationErrorCode.TimestampOutOfTolerance, error.message);
      }
    }
  }
  throw new WebhookUnauthorizedException(
    IntegrationErrorCode.SignatureInvalid,
    'No valid webhook-signature for this integration',
  );
}

function pickHeaders(headers: Record<string, string | string[] | undefined>): SignedHeaders {
  const one = (name: keyof SignedHeaders) => {
    const value = headers[name];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  };
  const id = one('webhook-id');
  const timestamp = one('webhook-timestamp');
  const signature = one('webhook-signature');
  if (!id || !timestamp || !signature) {
    throw new WebhookUnauthorizedException(
      IntegrationErrorCode.HeadersMissing,
      'Send webhook-id, webhook-timestamp and webhook-signature (Standard Webhooks)',
    );
  }
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature };
}

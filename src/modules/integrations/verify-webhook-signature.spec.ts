import { Webhook } from 'standardwebhooks';
import { verifyWebhookSignature } from './verify-webhook-signature';

const current = 'whsec_' + Buffer.alloc(32, 1).toString('base64');
const previous = 'whsec_' + Buffer.alloc(32, 2).toString('base64');
const body = '{"text":"hello"}';

function headers(secret: string, atMs = Date.now(), id = 'msg_1'): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(atMs / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, new Date(atMs), body),
  };
}

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('verifyWebhookSignature', () => {
  it('returns the webhook-id for a delivery signed with the current or the previous secret', () => {
    expect(verifyWebhookSignature(body, headers(current), [current, previous])).toBe('msg_1');
    expect(verifyWebhookSignature(body, headers(previous), [current, previous])).toBe('msg_1');
    expect(codeOf(() => verifyWebhookSignature(body, headers(previous), [current]))).toBe(
      'WEBHOOK_SIGNATURE_INVALID',
    );
  });

  it('accepts any of several space-separated signatures', () => {
    const h = headers(current);
    h['webhook-signature'] = `v1,bm90LWl0 ${h['webhook-signature']}`;
    expect(verifyWebhookSignature(body, h, [current])).toBe('msg_1');
  });

  it.each([
    ['4m50s old', -290_000, undefined],
    ['5m01s old', -301_000, 'WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE'],
    ['5m01s ahead', 301_000, 'WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE'],
  ])('timestamp %s', (_name, offset, code) => {
    expect(codeOf(() => verifyWebhookSignature(body, headers(current, Date.now() + offset), [current]))).toBe(
      code,
    );
  });

  it('refuses a timestamp that is not plain Unix seconds', () => {
    const h = headers(current);
    h['webhook-timestamp'] += 'abc';
    expect(codeOf(() => verifyWebhookSignature(body, h, [current]))).toBe(
      'WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE',
    );
  });

  it('refuses missing headers and an over-long webhook-id', () => {
    const h: Record<string, string | undefined> = headers(current);
    h['webhook-signature'] = undefined;
    expect(codeOf(() => verifyWebhookSignature(body, h, [current]))).toBe('WEBHOOK_HEADERS_MISSING');
    expect(
      codeOf(() => verifyWebhookSignature(body, headers(current, Date.now(), 'x'.repeat(256)), [current])),
    ).toBe('WEBHOOK_ID_INVALID');
  });
});

import { randomUUID } from 'node:crypto';

const TOUCHPOINTS = ['checkout', 'delivery', 'support', 'returns', 'app'];
const TEXTS = [
  'Delivery was quick and the parcel arrived intact.',
  'Checkout kept failing with a payment error, very frustrating.',
  'Support answered within minutes and solved it, thank you.',
  'The return label never arrived and nobody replies to my emails.',
  'App crashes every time I open my order history.',
  'Great prices, but the courier left the box in the rain.',
];

export type Operation = 'ingest' | 'trends' | 'feedback list' | 'pain points' | 'verbatims';

/** The mix: mostly ingestion, with the analyst queries a dashboard refresh makes. */
const MIX: [Operation, number][] = [
  ['ingest', 0.6],
  ['trends', 0.15],
  ['feedback list', 0.1],
  ['pain points', 0.1],
  ['verbatims', 0.05],
];

export interface Outcome {
  operation: Operation;
  startedAt: number;
  ms: number;
  ok: boolean;
  /** HTTP status, or the network error's code. */
  status: string;
}

export function feedbackItem(source = 'soak'): Record<string, unknown> {
  const n = Math.floor(Math.random() * 1e9);
  const survey = n % 3 === 0;
  const base = {
    source,
    externalId: randomUUID(),
    channel: 'web',
    touchpoint: TOUCHPOINTS[n % TOUCHPOINTS.length],
    customer: { externalId: `c${n % 500}` },
    text: TEXTS[n % TEXTS.length],
  };
  return survey
    ? { ...base, kind: 'survey_response', npsScore: n % 11 }
    : { ...base, kind: 'review', rating: 1 + (n % 5), scale: 5 };
}

function pick(): Operation {
  let r = Math.random();
  for (const [operation, weight] of MIX) if ((r -= weight) < 0) return operation;
  return 'ingest';
}

/** One request of the mix against `url`, timed; any non-2xx or network error counts as not ok. */
export async function runOne(url: string, key: string): Promise<Outcome> {
  const operation = pick();
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const startedAt = Date.now();
  const started = performance.now();
  let ok = false;
  let status = '';
  try {
    const res =
      operation === 'ingest'
        ? await fetch(`${url}/api/v1/feedback`, {
            method: 'POST',
            headers,
            body: JSON.stringify(feedbackItem()),
          })
        : await fetch(`${url}${queryPath(operation)}`, { headers });
    await res.arrayBuffer();
    ok = res.status >= 200 && res.status < 300;
    status = String(res.status);
  } catch (error) {
    status = String((error as { cause?: { code?: string } }).cause?.code ?? 'network error');
  }
  return { operation, startedAt, ms: performance.now() - started, ok, status };
}

function queryPath(operation: Operation): string {
  switch (operation) {
    case 'trends':
      return '/api/v1/trends?metric=nps&groupBy=touchpoint';
    case 'feedback list':
      return '/api/v1/feedback?touchpoint=checkout&limit=20';
    case 'pain points':
      return '/api/v1/pain-points';
    default:
      return '/api/v1/verbatims?q=delivery&limit=20';
  }
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

import { TestApp } from '../helpers/create-test-app';
import { waitFor } from '../helpers/wait-for';

export type Inject = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) => ReturnType<TestApp['app']['inject']>;

export function caller(t: TestApp, key: string): Inject {
  return (method, url, body, headers = {}) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}`, ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
}

/** Stores items through the batch endpoint and waits until every one has been analysed (or skipped). */
export async function ingestAnalysed(call: Inject, items: object[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < items.length; i += 1000) {
    const res = await call('POST', '/api/v1/feedback/batch', { items: items.slice(i, i + 1000) });
    if (res.statusCode !== 202) throw new Error(`batch refused: ${res.body}`);
    const results = res.json().results as { status: string; id?: string; errors?: unknown }[];
    for (const r of results) {
      if (r.status === 'rejected') throw new Error(`item rejected: ${JSON.stringify(r.errors)}`);
      ids.push(r.id!);
    }
  }
  await waitFor(
    async () => {
      const pending = (await call('GET', '/api/v1/feedback?analysisStatus=pending&limit=1')).json();
      return pending.items.length === 0 ? true : undefined;
    },
    60_000,
    100,
  );
  return ids;
}

/** Checkout comments the analysis scores clearly negative and clearly positive (the anomaly specs' spike and baseline). */
export const NEGATIVE_CHECKOUT = [
  'Checkout failed again, my payment was declined. Terrible and frustrating.',
  'The checkout is broken, payment keeps failing. Awful experience.',
  'Horrible checkout, card declined three times, very angry.',
];
export const POSITIVE_CHECKOUT = [
  'Great checkout, quick and easy.',
  'Lovely smooth checkout, paid in seconds. Excellent!',
];

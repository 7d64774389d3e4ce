import { STRIPE_LIFECYCLE_EXAMPLE } from '../../src/modules/integrations/field-mapping/outcome-example-mappings';
import { signedHeaders } from '../integrations/signed-delivery';
import { TEST_TARGET } from '../helpers/test-target';
import { codes, inParallel, ListeningApp, listeningApp, tally } from './support/listening-app';
import { ScenarioFigure, reportScenario } from './support/scenario-report';

/**
 * Resilience scenario 2 (duplicates): senders retry, load balancers retry, users double-click. Signed
 * deliveries where 20 % are repeats (the same webhook-id again with a fresh timestamp and signature, or a new
 * webhook-id carrying an item already sent), half of them sent at the same moment as their original, must
 * leave exactly one row per unique item, and every repeat must be answered 2xx like its original. 50
 * identical posts at once leave one row, for feedback and for outcome events, by REST and by webhook.
 * Real HTTP on a loopback port.
 */
jest.setTimeout(300_000);

/**
 * The counts on MySQL + Bull by hand (`npm run test:resilience`); the SQLite half (one connection,
 * transactions take turns) and CI run a quarter, with the same repeat share, concurrency and checks (CI's whole run
 * must stay under 15 minutes). RESILIENCE_DELIVERIES overrides the feedback count.
 */
const DELIVERIES = Number(
  process.env.RESILIENCE_DELIVERIES ??
    (TEST_TARGET === 'mysql' && process.env.CI !== 'true' ? 10_000 : 2_500),
);
const OUTCOME_DELIVERIES = Math.round(DELIVERIES / 5);
const REPEAT_SHARE = 0.2;
const CONCURRENCY = 32;
const SAME_TIME = 50;

type Integration = { id: string; secret: string };
interface Delivery {
  unique: number;
  webhookId: string;
}
interface Sent extends Delivery {
  status: number;
  replayed: boolean;
  created: number;
}

/** `n` elements of `list`, spread evenly over it. */
function evenly<T>(list: T[], n: number): T[] {
  return Array.from({ length: n }, (_, k) => list[Math.floor((k * list.length) / n)]);
}

describe(`resilience: duplicates (${TEST_TARGET})`, () => {
  let t: ListeningApp;
  let admin: string;
  const figures: ScenarioFigure[] = [];

  beforeAll(async () => {
    // On MySQL + Bull the API runs alone (ROLE=api), as in production: analysis jobs wait in Redis and do not
    // compete with ingestion for the CPU; the scenario is about what is stored, not analysed.
    t = await listeningApp(TEST_TARGET === 'mysql' ? { role: 'api' } : {});
    admin = await t.keyWith('admin');
  });
  afterAll(async () => {
    reportScenario('duplicates', figures);
    await t?.close();
  });

  const api = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, body: (await res.json()) as any };
  };
  const register = async (body: Record<string, unknown>): Promise<Integration> =>
    (await api('/api/v1/integrations', body)).body;
  const deliver = async (integration: Integration, payload: unknown, webhookId: string): Promise<Sent> => {
    const body = JSON.stringify(payload);
    const res = await fetch(`${t.baseUrl}/api/v1/webhooks/${integration.id}`, {
      method: 'POST',
      headers: signedHeaders(integration.secret, body, { id: webhookId }), // signed now: a fresh timestamp
      body,
    });
    const answer = (await res.json()) as { created?: number };
    return {
      unique: -1,
      webhookId,
      status: res.status,
      replayed: res.headers.get('webhook-replayed') === 'true',
      created: answer.created ?? 0,
    };
  };

  /**
   * `total` deliveries: (1 - REPEAT_SHARE) originals, then repeats split four ways: same webhook-id at the
   * same moment, same webhook-id later, new webhook-id (same item) at the same moment, new webhook-id later.
   */
  async function sendWithRepeats(
    integration: Integration,
    total: number,
    payloadOf: (unique: number) => unknown,
    itemHasIdentity: (unique: number) => boolean,
  ) {
    const uniques = Math.round(total * (1 - REPEAT_SHARE));
    const quarter = Math.round((total - uniques) / 4);
    const run = `${integration.id.slice(0, 8)}`;
    const original = (u: number): Delivery => ({ unique: u, webhookId: `msg_${run}_${u}` });
    const resent = (u: number): Delivery => ({ unique: u, webhookId: `msg_${run}_${u}_again` });
    // Items that carry an identity (externalId) can be re-sent under a new webhook-id; the others only retried.
    const identity = Array.from({ length: uniques }, (_, u) => u).filter(itemHasIdentity);
    const togetherNewId = new Set(identity.filter((_, k) => k % 2 === 0).slice(0, quarter));
    const laterNewId = identity.filter((_, k) => k % 2 === 1).slice(0, quarter);
    const others = Array.from({ length: uniques }, (_, u) => u).filter((u) => !togetherNewId.has(u));
    const togetherSameId = new Set(evenly(others, quarter));
    const laterSameId = evenly(
      Array.from({ length: uniques }, (_, u) => u),
      quarter,
    );
    expect([togetherNewId.size, laterNewId.length, togetherSameId.size]).toEqual([quarter, quarter, quarter]);

    // Phase 1: every original; some with their repeat fired in the same instant.
    const groups: Delivery[][] = Array.from({ length: uniques }, (_, u) => {
      const group = [original(u)];
      if (togetherSameId.has(u)) group.push(original(u));
      else if (togetherNewId.has(u)) group.push(resent(u));
      return group;
    });
    const send = (d: Delivery) =>
      deliver(integration, payloadOf(d.unique), d.webhookId).then((s) => ({ ...s, unique: d.unique }));
    const phase1 = (await inParallel(groups, CONCURRENCY, (group) => Promise.all(group.map(send)))).flat();
    // Phase 2: the later repeats, after every original was answered.
    const later = [...laterSameId.map(original), ...laterNewId.map(resent)];
    const phase2 = await inParallel(later, CONCURRENCY, send);
    const all = [...phase1, ...phase2];
    return { all, uniques, repeats: all.length - uniques, together: all.length - uniques - later.length };
  }

  it(`${DELIVERIES} signed feedback deliveries, ${REPEAT_SHARE * 100} % repeats → one row per unique item, every repeat 2xx`, async () => {
    const integration = await register({
      name: 'duplicates',
      source: 'dup-feedback',
      kind: 'review',
      constants: { channel: 'web' },
    });
    const hasExternalId = (u: number) => u % 2 === 0;
    const payloadOf = (u: number) => ({
      text: `Delivery ${u}: the courier left the parcel at the wrong door.`,
      rating: 1 + (u % 5),
      ...(hasExternalId(u) ? { externalId: `order-${u}` } : {}),
    });
    const started = Date.now();
    const { all, uniques, repeats, together } = await sendWithRepeats(
      integration,
      DELIVERIES,
      payloadOf,
      hasExternalId,
    );
    const seconds = (Date.now() - started) / 1000;
    const statuses = tally(all.map((s) => s.status));
    const rows = await t.count('feedback', 'source = ?', ['dup-feedback']);
    const distinct = await t.count(
      '(SELECT DISTINCT external_id FROM feedback WHERE source = ? AND external_id IS NOT NULL) d',
      undefined,
      ['dup-feedback'],
    );
    const createdAcknowledged = all.reduce((sum, s) => sum + (s.replayed ? 0 : s.created), 0);
    figures.push(
      {
        check: 'feedback deliveries sent (unique + repeats)',
        value: `${all.length} (${uniques} + ${repeats})`,
        ok: all.length === DELIVERIES,
      },
      { check: 'repeats sent at the same moment as their original', value: together, ok: together > 0 },
      {
        check: 'answers',
        value: codes(statuses.byCode),
        target: 'all 2xx',
        ok: statuses.s2xx === all.length,
      },
      { check: 'rows stored', value: rows, target: `${uniques} (unique items)`, ok: rows === uniques },
      {
        check: 'items acknowledged as created',
        value: createdAcknowledged,
        target: `= rows stored`,
        ok: createdAcknowledged === rows,
      },
      {
        check: 'distinct externalIds stored',
        value: distinct,
        target: `${uniques / 2}`,
        ok: distinct === uniques / 2,
      },
      {
        check: 'throughput (deliveries/s, loopback, concurrency 32)',
        value: Math.round(all.length / seconds),
        ok: true,
      },
    );
    expect(statuses.byCode).toEqual({ 202: DELIVERIES });
    expect(rows).toBe(uniques);
    expect(createdAcknowledged).toBe(rows);
    expect(distinct).toBe(uniques / 2);
  });

  it(`${OUTCOME_DELIVERIES} signed outcome deliveries (Stripe mapping), ${REPEAT_SHARE * 100} % repeats → one row per event`, async () => {
    const integration = await register({
      name: 'duplicate outcomes',
      source: 'dup-stripe',
      kind: 'outcome',
      fieldMapping: STRIPE_LIFECYCLE_EXAMPLE.mapping,
      constants: STRIPE_LIFECYCLE_EXAMPLE.constants,
    });
    const payloadOf = (u: number) => ({
      id: `evt_dup_${u}`,
      type: u % 3 === 0 ? 'customer.subscription.deleted' : 'customer.subscription.created',
      data: {
        object: {
          customer: `cus_${u % 200}`,
          metadata: { amount_major: 19.9, currency: 'EUR' },
          created_at: new Date(Date.UTC(2026, 9, 1) + u * 60_000).toISOString(),
        },
      },
    });
    const { all, uniques } = await sendWithRepeats(integration, OUTCOME_DELIVERIES, payloadOf, () => true);
    const statuses = tally(all.map((s) => s.status));
    const rows = await t.count('outcomes', 'source = ?', ['dup-stripe']);
    const createdAcknowledged = all.reduce((sum, s) => sum + (s.replayed ? 0 : s.created), 0);
    figures.push(
      {
        check: 'outcome deliveries sent (Stripe mapping)',
        value: all.length,
        ok: all.length === OUTCOME_DELIVERIES,
      },
      {
        check: 'outcome answers',
        value: codes(statuses.byCode),
        target: 'all 2xx',
        ok: statuses.s2xx === all.length,
      },
      { check: 'outcome rows stored', value: rows, target: `${uniques}`, ok: rows === uniques },
      {
        check: 'outcomes acknowledged as created',
        value: createdAcknowledged,
        target: '= rows stored',
        ok: createdAcknowledged === rows,
      },
    );
    expect(statuses.byCode).toEqual({ 202: OUTCOME_DELIVERIES });
    expect(rows).toBe(uniques);
    expect(createdAcknowledged).toBe(rows);
  });

  describe(`${SAME_TIME} identical posts at once → one row`, () => {
    const burst = <T>(send: () => Promise<T>) => Promise.all(Array.from({ length: SAME_TIME }, send));

    it('one signed delivery sent 50 times at once (same webhook-id, same signature)', async () => {
      const integration = await register({
        name: 'burst',
        source: 'burst-hook',
        kind: 'review',
        constants: { channel: 'web' },
      });
      const body = JSON.stringify({ text: 'Sent 50 times by a sender that panicked', rating: 2 });
      const headers = signedHeaders(integration.secret, body, { id: 'msg_burst' });
      const answers = await burst(async () => {
        const res = await fetch(`${t.baseUrl}/api/v1/webhooks/${integration.id}`, {
          method: 'POST',
          headers,
          body,
        });
        return { status: res.status, replayed: res.headers.get('webhook-replayed') === 'true' };
      });
      const rows = await t.count('feedback', 'source = ?', ['burst-hook']);
      const s = tally(answers.map((a) => a.status));
      figures.push({
        check: '50 × one signed delivery: answers / rows',
        value: `${codes(s.byCode)} / ${rows}`,
        target: 'all 2xx / 1',
        ok: s.s2xx === SAME_TIME && rows === 1,
      });
      expect(s.byCode).toEqual({ 202: SAME_TIME });
      expect(answers.filter((a) => a.replayed)).toHaveLength(SAME_TIME - 1);
      expect(rows).toBe(1);
    });

    it('POST /api/v1/feedback 50 times at once with one externalId', async () => {
      const item = {
        kind: 'review',
        source: 'burst-rest',
        channel: 'web',
        externalId: 'burst-1',
        text: 'Double, triple, fifty-fold click',
        rating: 1,
      };
      const answers = await burst(() => api('/api/v1/feedback', item));
      const rows = await t.count('feedback', 'source = ?', ['burst-rest']);
      const s = tally(answers.map((a) => a.status));
      const ids = new Set(answers.map((a) => a.body.id));
      figures.push({
        check: '50 × POST /feedback (externalId): answers / rows',
        value: `${codes(s.byCode)} / ${rows}`,
        target: 'all 2xx / 1',
        ok: s.s2xx === SAME_TIME && rows === 1,
      });
      expect(s.byCode).toEqual({ 202: SAME_TIME });
      expect(answers.filter((a) => a.body.status === 'created')).toHaveLength(1);
      expect(ids.size).toBe(1);
      expect(rows).toBe(1);
    });

    it('POST /api/v1/feedback 50 times at once with one Idempotency-Key and no externalId', async () => {
      const item = {
        kind: 'review',
        source: 'burst-key',
        channel: 'web',
        text: 'No externalId: only the key tells them apart',
        rating: 3,
      };
      const answers = await burst(() => api('/api/v1/feedback', item, { 'idempotency-key': 'burst-key-1' }));
      const rows = await t.count('feedback', 'source = ?', ['burst-key']);
      const s = tally(answers.map((a) => a.status));
      figures.push({
        check: '50 × POST /feedback (Idempotency-Key): answers / rows',
        value: `${codes(s.byCode)} / ${rows}`,
        target: '2xx or 409 in progress / 1',
        ok: s.s2xx + (s.byCode[409] ?? 0) === SAME_TIME && rows === 1,
      });
      // Stripe's rule: a retry while the first is still running is a 409 the client retries; never a second row.
      expect(s.s2xx + (s.byCode[409] ?? 0)).toBe(SAME_TIME);
      expect(s.s2xx).toBeGreaterThanOrEqual(1);
      expect(rows).toBe(1);
    });

    it.each([
      ['with an externalId', { externalId: 'evt-burst-1' }, 'burst-outcome-id'],
      ['without one (identity derived from the event)', {}, 'burst-outcome-derived'],
    ])('POST /api/v1/outcomes 50 times at once %s', async (_name, extra, source) => {
      const event = {
        type: 'lifecycle',
        source,
        customer: { externalId: 'cus_burst' },
        event: 'churned',
        occurredAt: '2026-10-01T10:00:00Z',
        ...extra,
      };
      const answers = await burst(() => api('/api/v1/outcomes', event));
      const rows = await t.count('outcomes', 'source = ?', [source]);
      const s = tally(answers.map((a) => a.status));
      figures.push({
        check: `50 × POST /outcomes ${_name}: answers / rows`,
        value: `${codes(s.byCode)} / ${rows}`,
        target: 'all 2xx / 1',
        ok: s.s2xx === SAME_TIME && rows === 1,
      });
      expect(s.byCode).toEqual({ 202: SAME_TIME });
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      expect(rows).toBe(1);
    });
  });
});

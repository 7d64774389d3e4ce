import { DataSource } from 'typeorm';
import { RefreshDefaultTopics1733940000000 } from '../../migrations/1733940000000-refresh-default-topics';
import { DEFAULT_TAXONOMY } from '../../src/modules/analysis/engine/topics/default-taxonomy';
import { TopicEntity } from '../../src/modules/analysis/entities/topic.entity';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { waitFor } from '../helpers/wait-for';

jest.setTimeout(60_000);

interface TopicOut {
  key: string;
  parentKey?: string | null;
}

describe(`the default taxonomy reads words in context (${TEST_TARGET})`, () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.keyWith('admin');
  });
  afterAll(() => t?.close());

  const call = (method: 'GET' | 'POST', url: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${admin}` },
      ...(body !== undefined ? { payload: body as object } : {}),
    });

  /** The general keys a posted text lands in (a child counts as its parent, as the 14 keys are reported). */
  async function generalKeysOf(text: string): Promise<string[]> {
    const { id } = (await call('POST', '/api/v1/feedback', { kind: 'review', source: 'app', text })).json();
    const analysis = await waitFor(async () => {
      const res = await call('GET', `/api/v1/feedback/${id}/analysis`);
      return res.statusCode === 200 ? (res.json() as { result: { topics: TopicOut[] } }) : undefined;
    }, 20_000);
    const parentOf = new Map(DEFAULT_TAXONOMY.map((d) => [d.key, d.parentKey]));
    const root = (key: string): string => (parentOf.get(key) ? root(parentOf.get(key)!) : key);
    return [...new Set(analysis!.result.topics.map((x) => root(x.key)))].sort();
  }

  it('finds product quality in a review that names only the product', async () => {
    expect(await generalKeysOf('Great phone! The headset is the best I have ever had.')).toEqual([
      'product-quality',
    ]);
  });

  it('does not take "on the phone" with support for a product, and reads amounts inside waiting phrases', async () => {
    const keys = await generalKeysOf('Waited 40 minutes on the phone before an agent picked up.');
    expect(keys).toEqual(expect.arrayContaining(['customer-service', 'waiting-time']));
    expect(keys).not.toContain('product-quality');
  });

  it('refreshes unedited default topics seeded before, and leaves edited and user topics alone', async () => {
    const db = t.app.get(DataSource);
    const repo = db.getRepository(TopicEntity);
    const seededAt = new Date('2024-12-01T10:00:00.000Z');
    await repo.delete({ key: 'product-quality' });
    await repo.delete({ key: 'price' });
    await repo.delete({ key: 'my-own-topic' });
    const old = (key: string, phrases: string[], updatedAt = seededAt) =>
      Object.assign(new TopicEntity(), {
        key,
        name: key,
        parentKey: null,
        phrases,
        exclusions: [],
        examples: [],
        createdAt: seededAt,
        updatedAt,
      });
    await repo.save([
      old('product-quality', ['quality']),
      old('price', ['our price words'], new Date('2024-12-02T10:00:00.000Z')),
      old('my-own-topic', ['widgets']),
    ]);

    const runner = db.createQueryRunner();
    try {
      await new RefreshDefaultTopics1733940000000().up(runner);
    } finally {
      await runner.release();
    }

    const after = new Map((await repo.find()).map((x) => [x.key, x]));
    const current = DEFAULT_TAXONOMY.find((d) => d.key === 'product-quality')!;
    expect(after.get('product-quality')?.phrases).toEqual(current.phrases);
    expect(after.get('product-quality')?.exclusions).toContain('on the phone');
    expect(after.get('price')?.phrases).toEqual(['our price words']);
    expect(after.get('my-own-topic')?.phrases).toEqual(['widgets']);
  });
});

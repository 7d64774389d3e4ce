import { DataSource } from 'typeorm';
import { ReplaceDefaultTopics1733100000000 } from '../../migrations/1733100000000-replace-default-topics';
import { TopicEntity } from '../../src/modules/analysis/entities/topic.entity';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';

jest.setTimeout(60_000);

describe(`replacing the first default taxonomy (${TEST_TARGET})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('replaces unedited old seeds, keeps edited and user topics, and moves orphans to the top', async () => {
    const db = t.app.get(DataSource);
    const repo = db.getRepository(TopicEntity);
    const seededAt = new Date('2024-11-20T10:00:00.000Z');
    const topic = (key: string, extra: Partial<TopicEntity> = {}) =>
      Object.assign(new TopicEntity(), {
        key,
        name: key,
        parentKey: null,
        phrases: [key],
        exclusions: [],
        examples: [],
        createdAt: seededAt,
        updatedAt: seededAt,
        ...extra,
      });
    // A database as the first default left it: airline seeds, one of them edited, one user child.
    await repo.clear();
    await repo.save([
      topic('cabin-crew', { parentKey: 'staff' }),
      topic('staff'),
      topic('delivery', { phrases: ['old delivery phrase'] }),
      topic('food', { phrases: ['pizza', 'our own dish'], updatedAt: new Date('2024-11-21T10:00:00.000Z') }),
      topic('luggage'),
      topic('oversized-bags', { parentKey: 'luggage', updatedAt: new Date('2024-11-22T10:00:00.000Z') }),
    ]);

    const runner = db.createQueryRunner();
    try {
      await new ReplaceDefaultTopics1733100000000().up(runner);
    } finally {
      await runner.release();
    }

    const after = new Map((await repo.find()).map((x) => [x.key, x]));
    expect(after.has('cabin-crew')).toBe(false);
    expect(after.has('luggage')).toBe(false);
    expect(after.get('food')?.phrases).toEqual(['pizza', 'our own dish']);
    expect(after.get('oversized-bags')?.parentKey).toBeNull();
    expect(after.get('delivery')?.phrases).not.toContain('old delivery phrase');
    expect(after.get('payment')?.phrases).toContain('payment');
    expect(after.get('double-charges')?.parentKey).toBe('payment');
  });
});

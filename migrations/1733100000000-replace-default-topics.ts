import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_TAXONOMY } from '../src/modules/analysis/engine/topics/default-taxonomy';
import { TopicEntity } from '../src/modules/analysis/entities/topic.entity';

/** Keys the first default taxonomy seeded: half of them airline and restaurant topics, now in industry packs. */
const FIRST_DEFAULT_KEYS = [
  'delivery',
  'price',
  'product-quality',
  'food',
  'customer-service',
  'staff',
  'cabin-crew',
  'website-app',
  'booking',
  'returns-refunds',
  'waiting-time',
  'queues',
  'flight-delays',
  'flight-cancellation',
  'luggage',
  'lost-luggage',
  'damaged-luggage',
  'in-flight',
  'ambience',
];

/**
 * Replaces the first seeded default taxonomy with the general 14-key one on databases seeded before it. Only
 * topics nobody edited (updated_at still equals created_at) are replaced or removed; edited and user-made
 * topics stay, and children of a removed topic move to the top. Domain topics come back with
 * `POST /api/v1/topics/packs/:name/apply`. An empty table is left to the seeding at boot.
 */
export class ReplaceDefaultTopics1733100000000 implements MigrationInterface {
  name = 'ReplaceDefaultTopics1733100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const repo = queryRunner.manager.getRepository(TopicEntity);
    const stored = await repo.find();
    if (stored.length === 0) return;
    const now = new Date();
    const byKey = new Map(stored.map((t) => [t.key, t]));
    const unedited = (t: TopicEntity): boolean =>
      FIRST_DEFAULT_KEYS.includes(t.key) &&
      new Date(t.createdAt).getTime() === new Date(t.updatedAt).getTime();
    const newKeys = new Set(DEFAULT_TAXONOMY.map((t) => t.key));
    const removed = stored.filter((t) => unedited(t) && !newKeys.has(t.key)).map((t) => t.key);
    for (const key of removed) {
      await repo.delete({ key });
      byKey.delete(key);
    }
    for (const t of byKey.values()) {
      if (t.parentKey && removed.includes(t.parentKey))
        await repo.save({ ...t, parentKey: null, updatedAt: now });
    }
    for (const d of DEFAULT_TAXONOMY) {
      const existing = byKey.get(d.key);
      if (existing && !unedited(existing)) continue;
      await repo.save(
        Object.assign(new TopicEntity(), {
          key: d.key,
          name: d.name,
          parentKey: d.parentKey && (byKey.has(d.parentKey) || newKeys.has(d.parentKey)) ? d.parentKey : null,
          phrases: [...d.phrases],
          exclusions: [...d.exclusions],
          examples: existing?.examples ?? [],
          createdAt: now,
          updatedAt: now,
        }),
      );
    }
  }

  /** The old topics are not restored: they were seeds, and the travel and restaurant packs hold them now. */
  async down(): Promise<void> {}
}

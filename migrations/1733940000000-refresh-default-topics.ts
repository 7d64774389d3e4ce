import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_TAXONOMY } from '../src/modules/analysis/engine/topics/default-taxonomy';
import { TopicEntity } from '../src/modules/analysis/entities/topic.entity';

/**
 * Brings the default taxonomy's better phrases and exclusions (product words with their "on the phone"
 * exclusions, amounts inside waiting phrases) to databases seeded before them. Only default topics nobody
 * edited (updated_at still equals created_at) are refreshed; edited, deleted and user-made topics are left as
 * they are. An empty table is left to the seeding at boot.
 */
export class RefreshDefaultTopics1733940000000 implements MigrationInterface {
  name = 'RefreshDefaultTopics1733940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const repo = queryRunner.manager.getRepository(TopicEntity);
    const stored = new Map((await repo.find()).map((t) => [t.key, t]));
    const now = new Date();
    for (const d of DEFAULT_TAXONOMY) {
      const existing = stored.get(d.key);
      if (!existing || new Date(existing.createdAt).getTime() !== new Date(existing.updatedAt).getTime())
        continue;
      // Both stamps move together: the topic still reads as unedited to a later refresh.
      await repo.save({
        ...existing,
        name: d.name,
        phrases: [...d.phrases],
        exclusions: [...d.exclusions],
        createdAt: now,
        updatedAt: now,
      });
    }
  }

  /** The previous phrases are not kept: the refreshed ones are a superset in intent, and seeds by nature. */
  async down(): Promise<void> {}
}

import { Injectable, Logger } from '@nestjs/common';
import { DEFAULT_TAXONOMY } from './engine/topics/default-taxonomy';
import { findPack, INDUSTRY_PACKS, withPack, type IndustryPack } from './engine/topics/industry-packs';
import type { TopicDefinition } from './engine/topics/topic-definition';
import {
  TopicConflictException,
  TopicNotFoundException,
  TopicPackNotFoundException,
} from './analysis.exception';
import { TopicEntity } from './entities/topic.entity';
import { TopicRepository } from './topic.repository';

export interface TopicChanges {
  name?: string;
  parentKey?: string | null;
  phrases?: string[];
  exclusions?: string[];
  examples?: string[];
}

/** The editable taxonomy. Seeded once with the customer-experience default; every change bumps the pipeline version. */
@Injectable()
export class TopicsService {
  private readonly logger = new Logger(TopicsService.name);

  constructor(private readonly repository: TopicRepository) {}

  async seedDefaultsIfEmpty(): Promise<void> {
    if ((await this.repository.count()) > 0) return;
    const now = new Date();
    await this.repository.insertMany(DEFAULT_TAXONOMY.map((t) => toEntity(t, now)));
    this.logger.log(`Seeded the default taxonomy (${DEFAULT_TAXONOMY.length} topics)`);
  }

  list(): Promise<TopicEntity[]> {
    return this.repository.list();
  }

  fingerprint(): Promise<string> {
    return this.repository.fingerprint();
  }

  async taxonomy(): Promise<TopicDefinition[]> {
    return (await this.repository.list()).map(toDefinition);
  }

  async get(key: string): Promise<TopicEntity> {
    const topic = await this.repository.findByKey(key);
    if (!topic) throw new TopicNotFoundException(key);
    return topic;
  }

  async create(key: string, changes: TopicChanges & { name: string }): Promise<TopicEntity> {
    if (await this.repository.findByKey(key))
      throw new TopicConflictException(`Topic ${key} exists already`, 'key');
    await this.assertParent(key, changes.parentKey ?? null);
    const now = new Date();
    const topic = Object.assign(new TopicEntity(), {
      key,
      name: changes.name,
      parentKey: changes.parentKey ?? null,
      phrases: changes.phrases ?? [],
      exclusions: changes.exclusions ?? [],
      examples: changes.examples ?? [],
      createdAt: now,
      updatedAt: now,
    });
    await this.repository.save(topic);
    return topic;
  }

  async update(key: string, changes: TopicChanges): Promise<TopicEntity> {
    const topic = await this.get(key);
    if (changes.parentKey !== undefined) await this.assertParent(key, changes.parentKey);
    Object.assign(topic, stripUndefined(changes), { updatedAt: new Date() });
    await this.repository.save(topic);
    return topic;
  }

  /** Children move up to the deleted topic's parent. */
  async remove(key: string): Promise<void> {
    const topic = await this.get(key);
    await this.repository.reparentChildren(key, topic.parentKey, new Date());
    await this.repository.delete(key);
  }

  packs(): readonly IndustryPack[] {
    return INDUSTRY_PACKS;
  }

  /**
   * Merges an industry pack into the stored taxonomy (see withPack): new topics are added, existing ones gain
   * the pack's phrases. Idempotent: a second call changes nothing and reports nothing added or updated.
   */
  async applyPack(name: string): Promise<{ pack: string; added: string[]; updated: string[] }> {
    const pack = findPack(name);
    if (!pack)
      throw new TopicPackNotFoundException(
        name,
        INDUSTRY_PACKS.map((p) => p.name),
      );
    const stored = new Map((await this.repository.list()).map((t) => [t.key, t]));
    const merged = withPack([...stored.values()].map(toDefinition), pack);
    const now = new Date();
    const added: string[] = [];
    const updated: string[] = [];
    for (const topic of merged) {
      const existing = stored.get(topic.key);
      if (!existing) {
        added.push(topic.key);
        await this.repository.save(toEntity(topic, now));
      } else if (
        existing.phrases.length !== topic.phrases.length ||
        existing.exclusions.length !== topic.exclusions.length
      ) {
        updated.push(topic.key);
        Object.assign(existing, { phrases: topic.phrases, exclusions: topic.exclusions, updatedAt: now });
        await this.repository.save(existing);
      }
    }
    if (added.length || updated.length)
      this.logger.log(`Applied pack ${name}: ${added.length} topics added, ${updated.length} updated`);
    return { pack: name, added, updated };
  }

  private async assertParent(key: string, parentKey: string | null): Promise<void> {
    if (parentKey === null) return;
    if (parentKey === key) throw new TopicConflictException('A topic cannot be its own parent', 'parentKey');
    const all = new Map((await this.repository.list()).map((t) => [t.key, t]));
    if (!all.has(parentKey))
      throw new TopicConflictException(`Parent topic ${parentKey} does not exist`, 'parentKey');
    for (let at: string | null = parentKey; at; at = all.get(at)?.parentKey ?? null) {
      if (at === key) throw new TopicConflictException('That parent would make a cycle', 'parentKey');
    }
  }
}

function toEntity(t: TopicDefinition, now: Date): TopicEntity {
  return Object.assign(new TopicEntity(), {
    key: t.key,
    name: t.name,
    parentKey: t.parentKey ?? null,
    phrases: [...t.phrases],
    exclusions: [...t.exclusions],
    examples: [...(t.examples ?? [])],
    createdAt: now,
    updatedAt: now,
  });
}

export function toDefinition(t: TopicEntity): TopicDefinition {
  return {
    key: t.key,
    name: t.name,
    ...(t.parentKey ? { parentKey: t.parentKey } : {}),
    phrases: t.phrases,
    exclusions: t.exclusions,
    ...(t.examples.length ? { examples: t.examples } : {}),
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

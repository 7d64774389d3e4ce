import { DEFAULT_TAXONOMY } from './default-taxonomy';
import { INDUSTRY_PACKS } from './industry-packs';
import type { TopicDefinition } from './topic-definition';

/** Every topic Hearken ships rules for: the general default first, then every industry pack's, by key once. */
export const KNOWN_TOPICS: readonly TopicDefinition[] = [
  ...DEFAULT_TAXONOMY,
  ...INDUSTRY_PACKS.flatMap((p) => p.topics),
].filter((t, i, all) => all.findIndex((u) => u.key === t.key) === i);

const byKey = new Map(KNOWN_TOPICS.map((t) => [t.key, t]));

export function knownTopic(key: string): TopicDefinition | undefined {
  return byKey.get(key);
}

/** The known topics a taxonomy does not hold, as flat phrase rules (their rule hits serve as model features). */
export function knownTopicsBeyond(taxonomy: readonly TopicDefinition[]): TopicDefinition[] {
  const keys = new Set(taxonomy.map((t) => t.key));
  return KNOWN_TOPICS.filter((t) => !keys.has(t.key)).map(({ key, name, phrases, exclusions }) => ({
    key,
    name,
    phrases,
    exclusions,
  }));
}

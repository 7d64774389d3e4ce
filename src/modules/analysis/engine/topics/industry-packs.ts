import { ECOMMERCE_RETAIL_PACK } from './packs/ecommerce-retail-pack';
import type { IndustryPack } from './packs/industry-pack';
import { RESTAURANTS_HOSPITALITY_PACK } from './packs/restaurants-hospitality-pack';
import { SOFTWARE_SAAS_PACK } from './packs/software-saas-pack';
import { TRAVEL_PACK } from './packs/travel-pack';
import type { TopicDefinition } from './topic-definition';

export type { IndustryPack } from './packs/industry-pack';

export const INDUSTRY_PACKS: readonly IndustryPack[] = [
  TRAVEL_PACK,
  RESTAURANTS_HOSPITALITY_PACK,
  ECOMMERCE_RETAIL_PACK,
  SOFTWARE_SAAS_PACK,
];

export function findPack(name: string): IndustryPack | undefined {
  return INDUSTRY_PACKS.find((pack) => pack.name === name);
}

/**
 * A taxonomy with a pack merged in: a topic whose key exists gains the pack's phrases and exclusions (never
 * loses its own), a new topic is added under its parent when that parent exists and at the top otherwise.
 * Applying the same pack twice gives the same taxonomy.
 */
export function withPack(taxonomy: readonly TopicDefinition[], pack: IndustryPack): TopicDefinition[] {
  const merged = new Map(taxonomy.map((t) => [t.key, { ...t }]));
  for (const t of pack.topics) {
    const existing = merged.get(t.key);
    if (existing) {
      existing.phrases = union(existing.phrases, t.phrases);
      existing.exclusions = union(existing.exclusions, t.exclusions);
      continue;
    }
    const { parentKey, ...rest } = t;
    merged.set(t.key, { ...rest, ...(parentKey && merged.has(parentKey) ? { parentKey } : {}) });
  }
  return [...merged.values()];
}

function union(a: readonly string[], b: readonly string[]): string[] {
  const seen = new Set(a.map((p) => p.toLowerCase()));
  return [...a, ...b.filter((p) => !seen.has(p.toLowerCase()))];
}

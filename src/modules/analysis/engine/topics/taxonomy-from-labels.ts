import { DEFAULT_TAXONOMY } from './default-taxonomy';
import { topicKeyOf, type TopicDefinition } from './topic-definition';

/**
 * The taxonomy a labelled file defines: one topic per distinct name, in first-seen order. A name that is also
 * a default topic (by key or name) keeps that topic's phrase rules, so "Delivery & shipping" or "food" start
 * with rules and the model does the rest; any other name is learned from the examples alone.
 */
export function taxonomyFromLabels(
  names: Iterable<string>,
  defaults: readonly TopicDefinition[] = DEFAULT_TAXONOMY,
): TopicDefinition[] {
  const taxonomy = new Map<string, TopicDefinition>();
  for (const name of names) {
    const key = topicKeyOf(name);
    if (key === '' || taxonomy.has(key)) continue;
    const known = defaults.find((t) => t.key === key || topicKeyOf(t.name) === key);
    taxonomy.set(key, {
      key,
      name: name.trim(),
      phrases: known ? [...known.phrases] : [],
      exclusions: known ? [...known.exclusions] : [],
    });
  }
  return [...taxonomy.values()];
}

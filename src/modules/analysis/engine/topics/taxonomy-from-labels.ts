import { KNOWN_TOPICS } from './known-topics';
import { phraseStems } from './phrase-matcher';
import { topicKeyOf, type TopicDefinition } from './topic-definition';

/**
 * The taxonomy a labelled file defines: one topic per distinct name, in first-seen order. A name that is also
 * a default or industry-pack topic (by key or name) keeps that topic's phrase rules, so "Delivery & shipping" or "food" start
 * with rules and the model does the rest. A name that contains every word of a known topic's name borrows
 * the longest such name's rules ("Customer Service Issue" → Customer service, "Cancelled Flight" → Flight
 * cancellations); any other name is learned from the examples alone.
 */
export function taxonomyFromLabels(
  names: Iterable<string>,
  defaults: readonly TopicDefinition[] = KNOWN_TOPICS,
): TopicDefinition[] {
  const taxonomy = new Map<string, TopicDefinition>();
  for (const name of names) {
    const key = topicKeyOf(name);
    if (key === '' || taxonomy.has(key)) continue;
    const known =
      defaults.find((t) => t.key === key || topicKeyOf(t.name) === key) ?? closestByName(name, defaults);
    taxonomy.set(key, {
      key,
      name: name.trim(),
      phrases: known ? [...known.phrases] : [],
      exclusions: known ? [...known.exclusions] : [],
    });
  }
  return [...taxonomy.values()];
}

/** Names are compared on stems without "and": "Cancelled Flight" and "Flight cancellations" are the same words. */
function closestByName(name: string, known: readonly TopicDefinition[]): TopicDefinition | undefined {
  const [wanted, ...names] = phraseStems([name, ...known.map((t) => t.name)]).map(
    (stems) => new Set(stems.filter((s) => s !== 'and' && s !== '&')),
  );
  let best: TopicDefinition | undefined;
  let bestSize = 0;
  names.forEach((stems, i) => {
    if (stems.size > bestSize && [...stems].every((s) => wanted.has(s)))
      [best, bestSize] = [known[i], stems.size];
  });
  return best;
}

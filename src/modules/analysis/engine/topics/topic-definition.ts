/**
 * One node of a topic taxonomy. Phrases and exclusions are plain text; they are matched on stemmed tokens, so
 * "delayed flight" also matches "flights delayed"-style inflections of the same words in the same order.
 */
export interface TopicDefinition {
  key: string;
  name: string;
  parentKey?: string;
  phrases: string[];
  /** Phrase evidence overlapping a match of one of these does not count ("return flight" is not a return). */
  exclusions: string[];
  /** Example texts; the trainable layer can use them as extra positive examples. */
  examples?: string[];
}

/** Turns any display name into the key form used by taxonomies and training files ("Lost Luggage" → "lost-luggage"). */
export function topicKeyOf(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

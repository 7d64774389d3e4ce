import type { TopicDefinition } from './topic-definition';

/** Phrase lists are comma-separated text so a taxonomy reads like a glossary and stays compact. */
export function phraseList(text: string): string[] {
  return text
    .split(',')
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase.length > 0);
}

/** One taxonomy node from glossary-style text. */
export function defineTopic(
  key: string,
  name: string,
  phrases: string,
  options: { parentKey?: string; exclusions?: string } = {},
): TopicDefinition {
  return {
    key,
    name,
    phrases: phraseList(phrases),
    exclusions: phraseList(options.exclusions ?? ''),
    ...(options.parentKey ? { parentKey: options.parentKey } : {}),
  };
}

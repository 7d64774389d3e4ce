import type { TopicDefinition } from '../topic-definition';

/**
 * A set of domain topics an admin adds in one call. Each topic's parentKey names a general key (or another
 * topic of the same pack) that it refines; a pack never redefines a general key.
 */
export interface IndustryPack {
  name: string;
  title: string;
  description: string;
  topics: readonly TopicDefinition[];
}

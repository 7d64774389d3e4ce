import { SeededRandom } from './seeded-random';

/**
 * Northwind Outdoor, the synthetic company behind the demo: an online outdoor-gear shop with a
 * mobile app, a "Trail Club" membership billed monthly, and a support team on phone and chat.
 */

export type Segment = 'consumer' | 'trail_club' | 'small_business' | 'enterprise';
export type Preference = 'review' | 'survey_response' | 'social_mention' | 'call_note';

export interface DemoCustomer {
  index: number;
  externalId: string;
  email: string;
  phone: string;
  segment: Segment;
  /** Mean feedback items per week. */
  activity: number;
  /** Baseline disposition in [-0.5, 0.6]: some customers are simply harder to please. */
  mood: number;
  /** Kinds this customer uses; a third use more than one, so identities join across channels. */
  preferences: Preference[];
}

const FIRST = [
  'ana',
  'ben',
  'chloe',
  'dev',
  'elif',
  'farah',
  'george',
  'hana',
  'ivan',
  'jade',
  'kofi',
  'lena',
  'marco',
  'nina',
  'omar',
  'priya',
  'quinn',
  'rosa',
  'sam',
  'tariq',
  'uma',
  'victor',
  'wen',
  'yara',
  'zoe',
];
const LAST = [
  'smith',
  'garcia',
  'nguyen',
  'okafor',
  'muller',
  'rossi',
  'kowalski',
  'haddad',
  'tanaka',
  'silva',
  'brown',
  'dubois',
  'jensen',
  'patel',
  'cohen',
  'murphy',
  'novak',
  'lopez',
  'kim',
  'ahmed',
];
const DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me', 'hey.com'];
const SEGMENTS: [Segment, number][] = [
  ['consumer', 60],
  ['trail_club', 25],
  ['small_business', 11],
  ['enterprise', 4],
];
const PREFERENCES: [Preference, number][] = [
  ['survey_response', 45],
  ['review', 30],
  ['call_note', 15],
  ['social_mention', 10],
];

/** Customer `index` of run `seed`, computed on demand so a million customers need no memory. */
export function demoCustomer(seed: number, index: number): DemoCustomer {
  const random = new SeededRandom(seed, index, 0xc057);
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  const segment = random.weighted(SEGMENTS);
  const domain =
    segment === 'small_business' || segment === 'enterprise'
      ? `${last}-${random.pick(['co', 'ltd', 'group'])}.example`
      : random.pick(DOMAINS);
  const preferences = [random.weighted(PREFERENCES)];
  if (random.chance(0.35)) preferences.push(random.weighted(PREFERENCES));
  if (random.chance(0.1)) preferences.push(random.weighted(PREFERENCES));
  return {
    index,
    externalId: `cus_${(100_000 + index).toString(36)}`,
    email: `${first}.${last}${index}@${domain}`,
    phone: `+44 7700 ${String(900_000 + (index % 100_000)).padStart(6, '0')}`,
    segment,
    activity:
      segment === 'enterprise' ? 0.3 + random.next() * 0.4 : 0.05 + random.next() * random.next() * 0.6,
    mood: -0.5 + random.next() * 1.1,
    preferences: [...new Set(preferences)],
  };
}

export type Touchpoint =
  | 'ads'
  | 'pricing'
  | 'checkout'
  | 'delivery'
  | 'onboarding'
  | 'app'
  | 'product'
  | 'support'
  | 'billing'
  | 'returns';

export interface TouchpointProfile {
  journeyStage: string;
  weight: number;
  /** How customers feel here on average, added to their mood. */
  baseline: number;
}

export const TOUCHPOINTS: Record<Touchpoint, TouchpointProfile> = {
  ads: { journeyStage: 'awareness', weight: 3, baseline: 0.05 },
  pricing: { journeyStage: 'consideration', weight: 5, baseline: -0.05 },
  checkout: { journeyStage: 'purchase', weight: 16, baseline: 0.25 },
  delivery: { journeyStage: 'purchase', weight: 17, baseline: 0.15 },
  onboarding: { journeyStage: 'onboarding', weight: 7, baseline: 0.2 },
  app: { journeyStage: 'usage', weight: 13, baseline: 0.1 },
  product: { journeyStage: 'usage', weight: 15, baseline: 0.3 },
  support: { journeyStage: 'support', weight: 12, baseline: 0 },
  billing: { journeyStage: 'renewal', weight: 7, baseline: -0.1 },
  returns: { journeyStage: 'support', weight: 5, baseline: -0.05 },
};

export const TOUCHPOINT_WEIGHTS = Object.entries(TOUCHPOINTS).map(
  ([touchpoint, profile]) => [touchpoint as Touchpoint, profile.weight] as const,
);

export const PRODUCTS = [
  'Ridge trail runners',
  'Cascade rain jacket',
  'Summit 40L backpack',
  'Basecamp 2 tent',
  'Alpine down sleeping bag',
  'Lumen headlamp',
  'merino base layer',
  'PureFlow water filter',
  'trekking poles',
];
export const AGENTS = ['Priya', 'Marcus', 'Sofia', 'Daniel', 'Aisha', 'Tom', 'Lucia', 'Kenji'];

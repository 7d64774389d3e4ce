import {
  demoCustomer,
  DemoCustomer,
  PRODUCTS,
  Touchpoint,
  TOUCHPOINT_WEIGHTS,
  TOUCHPOINTS,
  AGENTS,
} from './demo-company';
import { composeText, TextStyle } from './demo-text-composer';
import { CALL_OUTCOME_NOTES, Polarity } from './demo-texts';
import { SeededRandom } from './seeded-random';

export interface DemoOptions {
  customers?: number;
  weeks?: number;
  seed?: number;
  /** First day of week 1 (UTC). Default: the Monday `weeks` weeks before this week's Monday. */
  start?: Date;
  /** 1-based week from which checkout breaks (payment failures). Default 18. */
  incidentFromWeek?: number;
  /** Sees every item with its customer, 1-based week and planted polarity (the demo's outcomes build on it). */
  observe?: DemoObserver;
}

export type DemoObserver = (
  customerIndex: number,
  item: DemoFeedbackItem,
  polarity: Polarity,
  week: number,
) => void;

export const DEMO_DEFAULTS = { customers: 2_000, weeks: 26, seed: 42, incidentFromWeek: 18 } as const;
/** Follow-up complaints (a retry, a call, a post) per checkout failure during the incident, on average. */
const INCIDENT_FOLLOW_UPS = 1.5;

/** A raw item shaped like FeedbackInput (occurredAt as ISO string), ready for validateFeedbackInput. */
export type DemoFeedbackItem = Record<string, unknown> & {
  kind: string;
  touchpoint: string;
  occurredAt: string;
};

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
// Tables live at module level: building them per item dominated the generator's time (allocation + GC).
type SourceTable = readonly (readonly [readonly [string, string], number])[];
const REVIEW_SOURCES: SourceTable = [
  [['trustpilot', 'web'], 5],
  [['app_store', 'mobile_app'], 2],
  [['google_play', 'mobile_app'], 2],
  [['google_business', 'store'], 1],
];
const SURVEY_SOURCES: SourceTable = [
  [['typeform', 'email'], 5],
  [['delighted', 'email'], 2],
  [['in_app_survey', 'mobile_app'], 3],
  [['typeform', 'web'], 2],
  [['intercom', 'chat'], 2],
  [['store_kiosk', 'store'], 1],
  [['event_card', 'other'], 0.3],
];
const SURVEY_METRICS = [
  ['nps', 5],
  ['csat', 3.5],
  ['ces', 1.5],
] as const;
const PLATFORMS = [
  ['x', 4],
  ['reddit', 2],
  ['instagram', 2],
  ['facebook', 1],
  ['tiktok', 1],
] as const;
const POSITIVE_RATING = [
  [5, 3],
  [4, 1],
] as const;
const NEGATIVE_RATING = [
  [1, 2],
  [2, 1],
] as const;
const PROMOTER_NPS = [
  [10, 3],
  [9, 3],
  [8, 1],
] as const;
const POSITIVE_CSAT = [
  [5, 3],
  [4, 2],
] as const;
const HOURS = [
  [7, 1],
  [9, 2],
  [12, 3],
  [14, 2],
  [18, 3],
  [20, 4],
  [22, 2],
  [1, 0.3],
] as const;
const NEUTRAL_OUTCOMES = ['resolved', 'callback'] as const;
const NEGATIVE_OUTCOMES = ['escalated', 'unresolved', 'callback'] as const;
const ORDER_TOUCHPOINTS = new Set<Touchpoint>(['checkout', 'delivery', 'returns']);
const PRODUCT_TOUCHPOINTS = new Set<Touchpoint>(['product', 'delivery', 'returns']);
const CALL_TOUCHPOINTS: Touchpoint[] = [
  'support',
  'billing',
  'delivery',
  'returns',
  'checkout',
  'onboarding',
  'app',
];

export function defaultDemoStart(weeks: number, now = Date.now()): Date {
  const today = new Date(now);
  const mondayOffset = (today.getUTCDay() + 6) % 7;
  const thisMonday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - mondayOffset);
  return new Date(thisMonday - weeks * 7 * DAY_MS);
}

/**
 * Endless-looking but finite stream of synthetic feedback for Northwind Outdoor: every customer
 * may write in any week (Poisson by their activity), across all kinds, channels, touchpoints
 * and journey stages, with scores that match the text. Planted problem: from `incidentFromWeek`,
 * most checkout feedback is about payment failures and its scores collapse.
 * Same options (including start) → identical output. Constant memory.
 */
export function* generateDemoFeedback(options: DemoOptions = {}): Generator<DemoFeedbackItem> {
  const customers = options.customers ?? DEMO_DEFAULTS.customers;
  const weeks = options.weeks ?? DEMO_DEFAULTS.weeks;
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const incidentFromWeek = options.incidentFromWeek ?? DEMO_DEFAULTS.incidentFromWeek;
  const start = (options.start ?? defaultDemoStart(weeks)).getTime();
  // Only activity is kept per customer (8 bytes each); the full profile is rebuilt when they write.
  const activity = new Float64Array(customers);
  for (let index = 0; index < customers; index++) activity[index] = demoCustomer(seed, index).activity;
  const random = new SeededRandom(seed, 0x5eed);
  let sequence = 0;
  for (let week = 0; week < weeks; week++) {
    for (let index = 0; index < customers; index++) {
      let count = random.poisson(activity[index]);
      if (count === 0) continue;
      const customer = demoCustomer(seed, index);
      // During the incident a customer whose payment failed tries again, calls or posts about it: each failure
      // brings INCIDENT_FOLLOW_UPS more checkout complaints on average, within two days, so the outage raises the
      // volume of checkout feedback, not only its tone. Drawn only after a failure, so weeks before the incident
      // stay as they were and the customers who complain again are the ones it failed for.
      let followUps = 0;
      let failedAt = 0;
      while (count > 0 || followUps > 0) {
        const incidentComplaint = count === 0;
        if (incidentComplaint) followUps--;
        else count--;
        const weekEnd = start + (week + 1) * 7 * DAY_MS - 1;
        const occurredAt = incidentComplaint
          ? Math.min(weekEnd, failedAt + random.int(1, 48) * HOUR_MS)
          : start + week * 7 * DAY_MS + random.int(0, 6) * DAY_MS + dayTimeMs(random);
        const id = `demo-${seed}-${++sequence}`;
        const context: ItemContext = {
          random,
          customer,
          week: week + 1,
          incidentFromWeek,
          occurredAt,
          id,
          incidentComplaint,
        };
        const item = makeItem(context);
        if (context.incident && !incidentComplaint) {
          followUps += random.poisson(INCIDENT_FOLLOW_UPS);
          failedAt = occurredAt;
        }
        options.observe?.(index, item, context.polarity!, week + 1);
        yield item;
      }
    }
  }
}

interface ItemContext {
  random: SeededRandom;
  customer: DemoCustomer;
  week: number;
  incidentFromWeek: number;
  occurredAt: number;
  id: string;
  /** A follow-up complaint of a customer whose payment failed during the incident. */
  incidentComplaint: boolean;
  /** Set by makeItem: the item is about the planted checkout failure. */
  incident?: boolean;
  /** Set by makeItem, for the observer. */
  polarity?: Polarity;
}

function makeItem(context: ItemContext): DemoFeedbackItem {
  const { random, customer } = context;
  const kind = random.pick(customer.preferences);
  const touchpoint: Touchpoint = context.incidentComplaint
    ? 'checkout'
    : kind === 'call_note'
      ? random.pick(CALL_TOUCHPOINTS)
      : random.weighted(TOUCHPOINT_WEIGHTS);
  const profile = TOUCHPOINTS[touchpoint];
  const incident =
    context.incidentComplaint ||
    (touchpoint === 'checkout' && context.week >= context.incidentFromWeek && random.chance(0.75));
  const score = incident
    ? -0.6 - random.next() * 0.4
    : customer.mood + profile.baseline + random.gaussian() * 0.35;
  const polarity: Polarity = score > 0.25 ? 'positive' : score < -0.2 ? 'negative' : 'neutral';
  context.polarity = polarity;
  context.incident = incident;
  const product = random.pick(PRODUCTS);
  const text = (style: TextStyle) => composeText(random, { touchpoint, polarity, incident, product, style });
  // One literal with a fixed key order (no spreads): ~3x faster to build and to JSON.stringify.
  const item: DemoFeedbackItem = {
    kind,
    source: '',
    channel: '',
    externalId: context.id,
    touchpoint,
    journeyStage: profile.journeyStage,
    language: 'en',
    occurredAt: new Date(context.occurredAt).toISOString(),
  };
  const metadata: Record<string, unknown> = { demo: true, week: context.week };
  if (ORDER_TOUCHPOINTS.has(touchpoint)) metadata.orderRef = `NW-${random.int(100_000, 999_999)}`;

  if (kind === 'review') {
    [item.source, item.channel] = random.weighted(REVIEW_SOURCES);
    item.rating =
      polarity === 'positive'
        ? random.weighted(POSITIVE_RATING)
        : polarity === 'neutral'
          ? 3
          : random.weighted(NEGATIVE_RATING);
    item.scale = 5;
    if (random.chance(0.9)) item.text = withPii(random, text('review'), customer);
    if (random.chance(0.6)) item.title = random.pick(TITLES[polarity]);
    if (PRODUCT_TOUCHPOINTS.has(touchpoint)) item.product = product;
    item.customer = random.chance(0.7)
      ? { email: customer.email, segment: customer.segment }
      : { segment: customer.segment };
  } else if (kind === 'survey_response') {
    addSurveyAnswers(item, random, polarity, incident, touchpoint);
    if (random.chance(0.65)) item.text = withPii(random, text('survey'), customer);
    item.customer = { email: customer.email, externalId: customer.externalId, segment: customer.segment };
  } else if (kind === 'social_mention') {
    item.source = 'brandwatch';
    item.channel = 'social';
    item.platform = random.weighted(PLATFORMS);
    const author = customer.email.split('@')[0].replace(/\W/g, '_');
    item.author = `@${author}`;
    item.url = `https://${item.platform as string}.example/${author}/posts/${context.id}`;
    item.reach = Math.round(50 * Math.exp(random.next() * 8));
    item.text = text('social');
  } else {
    const outcome =
      polarity === 'positive'
        ? 'resolved'
        : polarity === 'neutral'
          ? random.pick(NEUTRAL_OUTCOMES)
          : random.pick(NEGATIVE_OUTCOMES);
    item.source = 'aircall';
    item.channel = 'phone';
    item.agent = random.pick(AGENTS);
    item.durationSeconds = random.int(90, 1_800);
    item.outcome = outcome;
    item.text = `${text('call')} ${random.pick(CALL_OUTCOME_NOTES[outcome])}`;
    item.customer = { phone: customer.phone, email: customer.email, segment: customer.segment };
  }
  item.metadata = metadata;
  return item;
}

const TITLES: Record<Polarity, string[]> = {
  positive: ['Great service', 'Love it', 'Fast and easy', 'Top quality gear', 'Highly recommend'],
  neutral: ['Okay', 'Does the job', 'Mixed experience', 'Fine overall'],
  negative: ['Disappointed', 'Avoid', 'Payment problems', 'Poor service', 'Not as described'],
};

const NPS_QUESTION = 'How likely are you to recommend Northwind Outdoor to a friend or colleague?';

/** NPS for the relationship survey, CSAT and CES per touchpoint; scores follow the mood of the text. */
function addSurveyAnswers(
  item: DemoFeedbackItem,
  random: SeededRandom,
  polarity: Polarity,
  incident: boolean,
  touchpoint: Touchpoint,
): void {
  [item.source, item.channel] = random.weighted(SURVEY_SOURCES);
  if (item.source === 'event_card') item.journeyStage = 'other';
  const metric = random.weighted(SURVEY_METRICS);
  if (metric === 'nps') {
    item.npsScore = incident
      ? random.int(0, 4)
      : polarity === 'positive'
        ? random.weighted(PROMOTER_NPS)
        : polarity === 'neutral'
          ? random.int(6, 8)
          : random.int(0, 6);
    item.surveyId = 'nps-relationship';
    item.question = NPS_QUESTION;
  } else if (metric === 'csat') {
    item.csat =
      polarity === 'positive'
        ? random.weighted(POSITIVE_CSAT)
        : polarity === 'neutral'
          ? 3
          : random.int(1, 2);
    item.csatScale = 5;
    item.surveyId = `csat-${touchpoint}`;
    item.question = `How satisfied were you with ${touchpoint}?`;
  } else {
    item.ces =
      polarity === 'positive'
        ? random.int(6, 7)
        : polarity === 'neutral'
          ? random.int(4, 5)
          : random.int(1, 3);
    item.surveyId = `ces-${touchpoint}`;
    item.question = 'How easy was it to get what you needed today?';
  }
}

/** A few customers paste contact details into free text: realistic, and it exercises redaction. */
function withPii(random: SeededRandom, text: string, customer: DemoCustomer): string {
  if (!random.chance(0.015)) return text;
  return `${text} ${random.chance(0.5) ? `Call me on ${customer.phone}.` : `Email me at ${customer.email}.`}`;
}

/** Busier in the evening, quiet at night. */
function dayTimeMs(random: SeededRandom): number {
  const hour = random.weighted(HOURS);
  return (hour * 60 + random.next() * 60) * 60 * 1000;
}

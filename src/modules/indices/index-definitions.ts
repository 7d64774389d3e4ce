/**
 * The SAT indices, defined once: which components each index averages, how each is put on 0..100, the
 * default weights. Served by GET /api/v1/indices/definitions; only the weights are editable (PUT), and each
 * edit is a new version. `FORMULA_VERSION` changes when a formula below changes (the weights' version is
 * separate and counts edits).
 */
export const FORMULA_VERSION = '1';

export const INDEX_NAMES = ['satisfaction', 'advocacy', 'trust'] as const;
export type IndexName = (typeof INDEX_NAMES)[number];

export const COMPONENT_KEYS = [
  'nps',
  'csat_top_box',
  'ces_low_effort',
  'net_sentiment',
  'promoter_share',
  'referrer_share',
  'referral_conversion',
  'public_positive_share',
  'retention',
  'repeat_positive',
  'no_recurring_complaints',
] as const;
export type ComponentKey = (typeof COMPONENT_KEYS)[number];

export interface ComponentDefinition {
  key: ComponentKey;
  label: string;
  /** What is measured, on its own scale. */
  formula: string;
  /** How it is put on 0..100. */
  rescaling: string;
  /** What n counts. */
  n: string;
}

export interface IndexDefinition {
  name: IndexName;
  description: string;
  components: ComponentDefinition[];
}

const share = (what: string) => `100 × ${what}`;

export const INDEX_DEFINITIONS: IndexDefinition[] = [
  {
    name: 'satisfaction',
    description: 'How satisfied customers say they are',
    components: [
      {
        key: 'nps',
        label: 'NPS',
        formula: '% promoters (9–10) − % detractors (0–6) of NPS answers, −100..100',
        rescaling: '(NPS + 100) / 2',
        n: 'NPS answers',
      },
      {
        key: 'csat_top_box',
        label: 'CSAT top-box share',
        formula: 'share of CSAT answers in the top box (normalised ≥ 0.75: 4–5 of 5)',
        rescaling: share('share'),
        n: 'CSAT answers',
      },
      {
        key: 'ces_low_effort',
        label: 'Low-effort CES share',
        formula: 'share of CES answers (1..7, 7 easiest) of 6 or 7',
        rescaling: share('share'),
        n: 'CES answers',
      },
      {
        key: 'net_sentiment',
        label: 'Net sentiment',
        formula: 'positive share − negative share of analysed feedback, −1..1',
        rescaling: '50 × (1 + net sentiment)',
        n: 'items with a sentiment',
      },
    ],
  },
  {
    name: 'advocacy',
    description: 'How much customers speak up for the company',
    components: [
      {
        key: 'promoter_share',
        label: 'Promoter share',
        formula: 'share of NPS answers of 9 or 10',
        rescaling: share('share'),
        n: 'NPS answers',
      },
      {
        key: 'referrer_share',
        label: 'Active customers who referred',
        formula:
          'customers with a referral event in the period / active customers (feedback or lifecycle event in the period)',
        rescaling: share('share'),
        n: 'active customers',
      },
      {
        key: 'referral_conversion',
        label: 'Referral conversion',
        formula: 'referral events with status converted / with status invited, in the period (capped at 1)',
        rescaling: share('share'),
        n: 'invitations',
      },
      {
        key: 'public_positive_share',
        label: 'Positive share of public mentions',
        formula: 'positive share of analysed reviews and social mentions',
        rescaling: share('share'),
        n: 'public mentions with a sentiment',
      },
    ],
  },
  {
    name: 'trust',
    description: 'Whether customers stay and keep coming back well served',
    components: [
      {
        key: 'retention',
        label: 'Retention',
        formula:
          'Σ retained / Σ customers at start of the retention figures whose period ends in the period; without figures, 1 − customers who churned / customers with a lifecycle event in the period',
        rescaling: share('share'),
        n: 'customers at start (or with a lifecycle event)',
      },
      {
        key: 'repeat_positive',
        label: 'Repeat positive engagement',
        formula:
          'customers with ≥ 2 positive items / customers with ≥ 2 items with a sentiment, in the period',
        rescaling: share('share'),
        n: 'customers with ≥ 2 items with a sentiment',
      },
      {
        key: 'no_recurring_complaints',
        label: 'No recurring complaints',
        formula:
          '1 − customers with negative items on ≥ 2 channels / customers with any item with a sentiment, in the period',
        rescaling: share('1 − share'),
        n: 'customers with an item with a sentiment',
      },
    ],
  },
];

export type IndexWeights = Record<IndexName, Partial<Record<ComponentKey, number>>>;

/** Equal weights within each index: no component is privileged until the company says otherwise. */
export const DEFAULT_WEIGHTS: IndexWeights = Object.fromEntries(
  INDEX_DEFINITIONS.map((d) => [d.name, Object.fromEntries(d.components.map((c) => [c.key, 1]))]),
) as IndexWeights;

export const componentsOf = (index: IndexName): ComponentKey[] =>
  INDEX_DEFINITIONS.find((d) => d.name === index)!.components.map((c) => c.key);

import { Injectable } from '@nestjs/common';
import {
  bootstrapCounts,
  npsDriverImpact,
  oddsRatioOfTable,
  relativeWeightsFromCorrelations,
} from '../../core/statistics';
import {
  CustomerFacts,
  CustomerFactsRepository,
  FactsRange,
  FactsSource,
} from '../correlations/customer-facts.repository';
import { DriverFactsRepository } from './driver-facts.repository';
import { PatternTable, patternCorrelations, patternTable, splitBy } from './driver-patterns';

export const DRIVER_OUTCOMES = ['nps', 'churn', 'referral'] as const;
export type DriverOutcome = (typeof DRIVER_OUTCOMES)[number];

/** Topics raised by fewer customers are left out: their weights would be noise. */
const MIN_CUSTOMERS = 10;
const MAX_TOPICS = 20;
/**
 * Resamples for the importance intervals. Each draws one binomial per pattern (the customers' new counts, see
 * bootstrapCounts) and passes over the patterns once (the correlations): at ~12 k patterns that is milliseconds,
 * where drawing 250 k customers one by one took most of a second per 100. 100 percentile resamples place the
 * 2.5 / 97.5 % points between the 2nd–3rd and 97th–98th values: coarse but honest for an interval that says
 * whether a topic's importance is clearly above zero and above another's.
 */
export const BOOTSTRAP_REPLICATES = 100;

export interface DriversOptions {
  /** Replicates of the importance bootstrap; the ranking and every other figure do not depend on it. */
  replicates?: number;
  /** Where item sentiment and topic mentions are read from (the equivalence test compares both). */
  source?: FactsSource;
}

export interface Driver {
  topic: string;
  /** Customers (with the outcome known) who raised the topic negatively. */
  customers: number;
  /** Mean sentiment of the topic's mentions (−1..1): the performance axis. */
  performance: number;
  /** Share of the explained variance (Johnson's relative weights), 0..1, with a bootstrap 95 % interval. */
  importance: number;
  importanceCi: { low: number; high: number } | null;
  /** nps: NPS points gained overall if they scored like the rest; churn/referral: odds ratio of raising it. */
  impact: number | null;
  impactCi: { low: number; high: number } | null;
  pValue: number | null;
  quadrant: 'fix_first' | 'maintain' | 'monitor' | 'secondary';
}

export interface DriversAnswer {
  outcome: DriverOutcome;
  n: number;
  rSquared: number | null;
  drivers: Driver[];
}

/** §5 of issue 11: which topics drive NPS, churn and referring, most important first. */
@Injectable()
export class DriversService {
  constructor(
    private readonly facts: CustomerFactsRepository,
    private readonly mentions: DriverFactsRepository,
  ) {}

  async drivers(
    outcome: DriverOutcome,
    range: FactsRange,
    options: DriversOptions = {},
  ): Promise<DriversAnswer> {
    const [facts, raised, performance] = await Promise.all([
      this.facts.load(range, options.source),
      this.mentions.raisedNegatively(range, options.source),
      this.mentions.performance(range, options.source),
    ]);
    const value = (f: CustomerFacts): number | undefined =>
      outcome === 'nps'
        ? f.nps
        : f.sentiment === undefined
          ? undefined
          : Number(outcome === 'churn' ? f.churned : f.referred);
    // In id order: the bootstrap's draws then do not depend on the order the database returned rows in.
    const customers = [...facts.entries()]
      .filter(([, f]) => value(f) !== undefined)
      .map(([id]) => id)
      .sort();
    const known = new Set(customers);
    const topics = [...raised.entries()]
      .map(([topic, who]) => {
        let count = 0;
        for (const c of who) if (known.has(c)) count++;
        return { topic, count };
      })
      .filter((t) => t.count >= MIN_CUSTOMERS)
      .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic))
      .slice(0, MAX_TOPICS)
      .map((t) => t.topic);
    // Who raised what, built from the topics' (smaller) sets instead of asking every customer about every topic.
    const raisedBy = new Map<string, number[]>();
    topics.forEach((t, j) => {
      for (const c of raised.get(t)!) {
        const list = raisedBy.get(c);
        if (list) list.push(j);
        else raisedBy.set(c, [j]);
      }
    });
    const none: number[] = [];
    const table = patternTable(
      customers.map((c) => ({ raised: raisedBy.get(c) ?? none, y: value(facts.get(c)!)! })),
      topics.length,
    );
    const weights = (counts: ArrayLike<number>) => {
      const correlations = patternCorrelations(table, counts);
      return correlations && relativeWeightsFromCorrelations(correlations.rxx, correlations.rxy);
    };
    const fit = topics.length && customers.length > topics.length + 1 ? weights(table.count) : null;
    // Resampling customers is drawing a new count per pattern (multinomial; see bootstrapCounts).
    const intervals = fit
      ? bootstrapCounts(
          table.count,
          (counts) => weights(counts)?.shares ?? topics.map(() => NaN),
          options.replicates ?? BOOTSTRAP_REPLICATES,
          11,
        )
      : [];
    const drivers: Driver[] = topics.map((topic, j) => ({
      topic,
      customers: table.count.reduce((n, c, i) => n + (table.raised[i].includes(j) ? c : 0), 0),
      performance: performance.get(topic) ?? 0,
      importance: fit?.shares[j] ?? 0,
      importanceCi: intervals[j]?.ci ?? null,
      ...impactOf(outcome, table, j),
      quadrant: 'monitor',
    }));
    placeInQuadrants(drivers);
    drivers.sort((a, b) => b.importance - a.importance || a.topic.localeCompare(b.topic));
    return { outcome, n: customers.length, rSquared: fit?.rSquared ?? null, drivers };
  }
}

function impactOf(
  outcome: DriverOutcome,
  table: PatternTable,
  j: number,
): Pick<Driver, 'impact' | 'impactCi' | 'pValue'> {
  if (outcome === 'nps') {
    const split = splitBy(table, j, (y) => (y >= 9 ? 'promoters' : y >= 7 ? 'passives' : 'detractors'));
    const counts = (side: Partial<Record<'promoters' | 'passives' | 'detractors', number>>) => ({
      promoters: side.promoters ?? 0,
      passives: side.passives ?? 0,
      detractors: side.detractors ?? 0,
    });
    const result = npsDriverImpact(counts(split.with), counts(split.without));
    return { impact: result?.impact ?? null, impactCi: result?.ci ?? null, pValue: result?.pValue ?? null };
  }
  // One 0/1 predictor: the logistic regression's odds ratio is the 2×2 table's, computed from the counts.
  const split = splitBy(table, j, (y) => (y === 1 ? 'events' : 'others'));
  const term = oddsRatioOfTable(
    { events: split.with.events ?? 0, others: split.with.others ?? 0 },
    { events: split.without.events ?? 0, others: split.without.others ?? 0 },
  );
  return {
    impact: term?.oddsRatio ?? null,
    impactCi: term?.oddsRatioCi ?? null,
    pValue: term?.pValue ?? null,
  };
}

/** Importance above the median and performance below it: fix first. */
function placeInQuadrants(drivers: Driver[]): void {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : 0;
  };
  const [importance, performance] = [
    median(drivers.map((d) => d.importance)),
    median(drivers.map((d) => d.performance)),
  ];
  for (const d of drivers) {
    const important = d.importance > importance;
    const good = d.performance > performance;
    d.quadrant = important ? (good ? 'maintain' : 'fix_first') : good ? 'secondary' : 'monitor';
  }
}

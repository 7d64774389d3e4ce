import { Injectable } from '@nestjs/common';
import { bootstrapVector, logisticRegression, npsDriverImpact, relativeWeights } from '../../core/statistics';
import {
  CustomerFacts,
  CustomerFactsRepository,
  FactsRange,
} from '../correlations/customer-facts.repository';
import { DriverFactsRepository, TopicMention } from './driver-facts.repository';

export const DRIVER_OUTCOMES = ['nps', 'churn', 'referral'] as const;
export type DriverOutcome = (typeof DRIVER_OUTCOMES)[number];

/** Topics raised by fewer customers are left out: their weights would be noise. */
const MIN_CUSTOMERS = 10;
const MAX_TOPICS = 20;
/** Bootstrap replicates of the importance intervals, unless a caller asks for fewer (see DriversOptions). */
export const BOOTSTRAP_REPLICATES = 200;

export interface DriversOptions {
  /** Replicates of the importance bootstrap; the ranking and every other figure do not depend on it. */
  replicates?: number;
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
    const [facts, mentions] = await Promise.all([this.facts.load(range), this.mentions.mentions(range)]);
    const value = (f: CustomerFacts): number | undefined =>
      outcome === 'nps'
        ? f.nps
        : f.sentiment === undefined
          ? undefined
          : Number(outcome === 'churn' ? f.churned : f.referred);
    const customers = [...facts.entries()].filter(([, f]) => value(f) !== undefined).map(([id]) => id);
    const raised = raisedNegatively(mentions);
    const topics = [...raised.entries()]
      .map(([topic, who]) => ({ topic, count: customers.filter((c) => who.has(c)).length }))
      .filter((t) => t.count >= MIN_CUSTOMERS)
      .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic))
      .slice(0, MAX_TOPICS)
      .map((t) => t.topic);
    const rows = customers.map((c) => ({
      x: topics.map((t) => (raised.get(t)!.has(c) ? 1 : 0)),
      y: value(facts.get(c)!)!,
    }));
    const fit =
      topics.length && rows.length > topics.length + 1
        ? relativeWeights(
            rows.map((r) => r.x),
            rows.map((r) => r.y),
          )
        : null;
    const intervals = fit
      ? bootstrapVector(
          rows,
          (sample) =>
            relativeWeights(
              sample.map((r) => r.x),
              sample.map((r) => r.y),
            )?.shares ?? topics.map(() => NaN),
          options.replicates ?? BOOTSTRAP_REPLICATES,
          11,
        )
      : [];
    const performance = topicPerformance(mentions);
    const drivers: Driver[] = topics.map((topic, j) => {
      const impact = impactOf(outcome, rows, j);
      return {
        topic,
        customers: rows.filter((r) => r.x[j] === 1).length,
        performance: performance.get(topic) ?? 0,
        importance: fit?.shares[j] ?? 0,
        importanceCi: intervals[j]?.ci ?? null,
        ...impact,
        quadrant: 'monitor',
      };
    });
    placeInQuadrants(drivers);
    drivers.sort((a, b) => b.importance - a.importance || a.topic.localeCompare(b.topic));
    return { outcome, n: rows.length, rSquared: fit?.rSquared ?? null, drivers };
  }
}

function raisedNegatively(mentions: TopicMention[]): Map<string, Set<string>> {
  const raised = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.label !== 'negative') continue;
    const who = raised.get(m.topic) ?? new Set<string>();
    who.add(m.customer);
    raised.set(m.topic, who);
  }
  return raised;
}

function topicPerformance(mentions: TopicMention[]): Map<string, number> {
  const sums = new Map<string, [number, number]>();
  for (const m of mentions) {
    const s = sums.get(m.topic) ?? [0, 0];
    sums.set(m.topic, [s[0] + m.score, s[1] + 1]);
  }
  return new Map([...sums].map(([topic, [sum, n]]) => [topic, sum / n]));
}

function impactOf(
  outcome: DriverOutcome,
  rows: { x: number[]; y: number }[],
  j: number,
): Pick<Driver, 'impact' | 'impactCi' | 'pValue'> {
  if (outcome === 'nps') {
    const counts = (withTopic: boolean) => {
      const ys = rows.filter((r) => (r.x[j] === 1) === withTopic).map((r) => r.y);
      return {
        promoters: ys.filter((y) => y >= 9).length,
        passives: ys.filter((y) => y >= 7 && y < 9).length,
        detractors: ys.filter((y) => y < 7).length,
      };
    };
    const result = npsDriverImpact(counts(true), counts(false));
    return { impact: result?.impact ?? null, impactCi: result?.ci ?? null, pValue: result?.pValue ?? null };
  }
  const fit = logisticRegression(
    rows.map((r) => [r.x[j]]),
    rows.map((r) => r.y as 0 | 1),
  );
  const term = fit?.coefficients[0];
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

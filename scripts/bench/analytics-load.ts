import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { uuidV7 } from '../../src/core/ids/uuid-v7';
import { insertRows } from '../../src/database/insert-rows';
import { FeedbackAnalysisEntity } from '../../src/modules/analysis/entities/feedback-analysis.entity';
import { FeedbackTopicEntity } from '../../src/modules/analysis/entities/feedback-topic.entity';
import { FeedbackEntity } from '../../src/modules/feedback/entities/feedback.entity';
import {
  HOURS_PER_DAY,
  MS_PER_HOUR,
  RollupDelta,
  RollupFacts,
  rowsOf,
} from '../../src/modules/rollups/rollup-facts';
import { sliceDeltas } from '../../src/modules/rollups/rollup-slices';
import { RollupRepository } from '../../src/modules/rollups/rollup.repository';
import { outcomeSourceRowOf } from '../../src/modules/outcomes/outcome-rows';
import { CustomerEntity } from '../../src/modules/customers/entities/customer.entity';
import { OutcomeEntity } from '../../src/modules/outcomes/entities/outcome.entity';
import { DemoFeedbackItem, generateDemoFeedback } from '../demo/generate-demo-feedback';
import { BenchPeople } from './bench-people';
import { CustomerFiguresLoad } from './customer-figures-load';
import { CustomerItemFactsRepository } from '../../src/modules/rollups/item-facts/customer-item-facts.repository';

const PAGE = 2_000;
const unit = (v: unknown, scale: unknown) =>
  typeof v === 'number' ? (v - 1) / ((typeof scale === 'number' ? scale : 5) - 1) : null;

/**
 * A stand-in analysis, cheap enough for a million items (the analyser's own speed is what bench:analysis
 * measures): sentiment from the item's score, the touchpoint as its topic, complaint/praise as signals.
 */
function syntheticAnalysis(item: DemoFeedbackItem, f: FeedbackEntity, n: number) {
  const base =
    f.rating ??
    (f.npsScore !== null ? f.npsScore / 10 : null) ??
    f.csat ??
    (f.ces !== null ? 1 - (f.ces - 1) / 6 : null);
  const score = Math.max(
    -1,
    Math.min(1, (base ?? ((n * 7919) % 100) / 100) * 2 - 1 + (((n * 104729) % 21) - 10) / 50),
  );
  const label = score > 0.25 ? 'positive' : score < -0.2 ? 'negative' : n % 9 === 0 ? 'mixed' : 'neutral';
  const signals = label === 'negative' ? 'complaint' : label === 'positive' ? 'praise' : null;
  return { score: Math.round(score * 1000) / 1000, label, signals, topic: String(item.touchpoint) };
}

export interface LoadReport {
  items: number;
  customers: number;
  outcomes: number;
  seconds: number;
  start: Date;
  end: Date;
}

/**
 * Loads demo feedback in bulk (multi-row INSERTs, no HTTP), each item with a stand-in analysis, and builds the
 * rollups a week at a time with the same facts→rows code the incremental path runs, upserted by the real
 * repository. Per-item contributions are not written (only a later re-analysis would need them).
 * With `customers`, items belong to customers (the generator's writers are the first of them) and `outcomes`
 * events spread over the weeks like the items; the customer-level figures of the SAT indices are built too.
 */
export async function loadAnalyticsData(
  dataSource: DataSource,
  options: {
    items: number;
    weeks: number;
    seed: number;
    start: Date;
    /** The version the stand-in analyses carry (the app's current one, so re-analysis leaves them); default 'bench'. */
    pipelineVersion?: string;
    customers?: number;
    outcomes?: number;
  },
  onProgress: (done: number) => void,
): Promise<LoadReport> {
  const started = Date.now();
  const perWeek = options.items / options.weeks;
  // The generator writes ~0.203 items per customer per week.
  const customers = Math.ceil(perWeek / 0.203);
  const rollups = new RollupRepository(dataSource);
  const feedback: FeedbackEntity[] = [];
  const analyses: FeedbackAnalysisEntity[] = [];
  const topics: FeedbackTopicEntity[] = [];
  const outcomes: OutcomeEntity[] = [];
  const people = options.customers ? new BenchPeople(options.customers) : null;
  const figures = people ? new CustomerFiguresLoad(dataSource) : null;
  const outcomesPerItem = people ? (options.outcomes ?? 0) / options.items : 0;
  let outcomeCount = 0;
  let writer = -1;
  let hours = new RollupDelta();
  let days = new RollupDelta();
  let week = 0;
  let n = 0;
  // One write in flight while the next page is built (two cores: the generator on one, MySQL on the other);
  // writes run one after another, in order.
  let writing: Promise<void> = Promise.resolve();
  const write = async (next: () => Promise<void>) => {
    const previous = writing;
    writing = previous.then(next);
    await previous;
  };
  const flushRows = async () => {
    const rows = [feedback.splice(0), analyses.splice(0), topics.splice(0), outcomes.splice(0)] as const;
    await write(() =>
      dataSource.transaction(async (m) => {
        await insertRows(m, FeedbackEntity, rows[0]);
        await insertRows(m, FeedbackAnalysisEntity, rows[1]);
        await insertRows(m, FeedbackTopicEntity, rows[2]);
        await insertRows(m, OutcomeEntity, rows[3]);
      }),
    );
  };
  const flushRollups = async () => {
    const [hourSums, daySums] = [hours.sorted(), days.sorted()];
    const slices = sliceDeltas(hourSums, daySums);
    [hours, days] = [new RollupDelta(), new RollupDelta()];
    await write(() =>
      dataSource.transaction(async (m) => {
        await rollups.addSums(m, 'hour', hourSums);
        await rollups.addSums(m, 'day', daySums);
        for (const [grain, deltas] of slices) await rollups.addSlices(m, grain, deltas);
      }),
    );
  };
  const now = new Date();
  if (people) {
    const rows = people.customerRows(now);
    for (let i = 0; i < rows.length; i += 5_000)
      await dataSource.transaction((m) => insertRows(m, CustomerEntity, rows.slice(i, i + 5_000)));
  }
  for (const item of generateDemoFeedback({
    customers,
    weeks: options.weeks,
    seed: options.seed,
    start: options.start,
    observe: (index) => (writer = index),
  })) {
    if (n >= options.items) break;
    const itemWeek = (item.metadata as { week: number }).week;
    if (itemWeek !== week) {
      await flushRollups();
      if (figures) await write(figures.take(options.start.getTime() + (itemWeek - 1) * 7 * 86_400_000));
      week = itemWeek;
    }
    n++;
    const occurredAt = new Date(item.occurredAt);
    const customer = item.customer as { segment?: string; email?: string } | undefined;
    const f = Object.assign(new FeedbackEntity(), {
      id: uuidV7(occurredAt.getTime()),
      kind: item.kind,
      source: String(item.source),
      externalId: String(item.externalId),
      channel: String(item.channel),
      touchpoint: item.touchpoint,
      journeyStage: (item.journeyStage as string) ?? null,
      // Bench people when --customers is given; otherwise identified customers (those giving an email) get a
      // stable id: cross-channel pain points need them.
      customerId: people
        ? people.ids[writer % people.count]
        : customer?.email
          ? createHash('sha1').update(customer.email).digest('hex').slice(0, 32)
          : null,
      segment: customer?.segment ?? null,
      text: typeof item.text === 'string' ? item.text : null,
      language: 'en',
      redactedKinds: null,
      rating: unit(item.rating, item.scale),
      npsScore: typeof item.npsScore === 'number' ? item.npsScore : null,
      csat: unit(item.csat, item.csatScale),
      ces: typeof item.ces === 'number' ? item.ces : null,
      details: null,
      occurredAt,
      receivedAt: now,
      analysisStatus: item.text ? 'analysed' : 'skipped',
      analysisError: null,
    } as FeedbackEntity);
    feedback.push(f);
    let facts: RollupFacts = {
      hour: Math.floor(occurredAt.getTime() / MS_PER_HOUR),
      dims: {
        kind: f.kind,
        source: f.source,
        channel: f.channel,
        touchpoint: f.touchpoint ?? '',
        journeyStage: f.journeyStage ?? '',
        segment: f.segment ?? '',
        language: 'en',
      },
      sentiment: null,
      topics: [],
      signals: [],
      nps: f.npsScore,
      csat: f.csat,
      ces: f.ces,
      rating: f.rating,
    };
    if (f.text) {
      const a = syntheticAnalysis(item, f, n);
      analyses.push(
        Object.assign(new FeedbackAnalysisEntity(), {
          feedbackId: f.id,
          pipelineVersion: options.pipelineVersion ?? 'bench',
          language: 'en',
          supported: true,
          sentimentLabel: a.label,
          sentimentScore: a.score,
          sentimentConfidence: 0.8,
          signals: a.signals,
          result: '{}',
          analysedAt: now,
        }),
      );
      topics.push(
        Object.assign(new FeedbackTopicEntity(), {
          feedbackId: f.id,
          pipelineVersion: options.pipelineVersion ?? 'bench',
          topicKey: a.topic,
          confidence: 0.9,
          sentimentLabel: a.label,
          sentimentScore: a.score,
          occurredAt,
        }),
      );
      facts = {
        ...facts,
        sentiment: { label: a.label, score: a.score },
        topics: [[a.topic, a.label, a.score]],
        signals: a.signals ? [a.signals] : [],
      };
    }
    if (people && figures) {
      figures.addItem(f.customerId!, f.id, occurredAt.getTime(), facts);
      // Events follow the items in time, so a week's buckets are complete when the next week starts.
      for (; outcomeCount < n * outcomesPerItem; outcomeCount++) {
        const o = people.outcome(outcomeCount, occurredAt, now);
        outcomes.push(o);
        figures.addOutcome(outcomeSourceRowOf(o));
      }
    }
    hours.add(rowsOf(facts, facts.hour, 1));
    days.add(rowsOf(facts, Math.floor(facts.hour / HOURS_PER_DAY), 1));
    if (feedback.length >= PAGE) {
      await flushRows();
      onProgress(n);
    }
  }
  await flushRows();
  await flushRollups();
  if (figures) await write(figures.take(Infinity));
  await writing;
  // Items went in without the analysis transaction's refresh: copy them for correlations and drivers in one go.
  await new CustomerItemFactsRepository(dataSource).refill();
  onProgress(n);
  const end = new Date(options.start.getTime() + options.weeks * 7 * 86_400_000);
  return {
    items: n,
    customers: people?.count ?? 0,
    outcomes: outcomeCount,
    seconds: (Date.now() - started) / 1000,
    start: options.start,
    end,
  };
}

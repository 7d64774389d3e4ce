import { EntityManager } from 'typeorm';
import { placeholders } from '../../database/insert-rows';
import { fromSqlDate } from '../../database/sql-date';
import { MS_PER_HOUR, RollupFacts } from './rollup-facts';

const CHUNK = 500;

/** A datetime as read raw (see fromSqlDate), in ms since the epoch; null as 0. */
export function toMs(value: Date | string | null): number {
  return value === null ? 0 : fromSqlDate(value).getTime();
}

interface FeedbackRow {
  id: string;
  kind: string;
  source: string;
  channel: string;
  touchpoint: string | null;
  journey_stage: string | null;
  segment: string | null;
  language: string | null;
  nps_score: number | null;
  csat: number | null;
  ces: number | null;
  rating: number | null;
  occurred_at: Date | string;
  analysis_status: string;
  erased_at: Date | string | null;
}

interface AnalysisRow {
  feedback_id: string;
  pipeline_version: string;
  language: string | null;
  sentiment_label: string | null;
  sentiment_score: number | null;
  signals: string | null;
  analysed_at: Date | string;
}

interface TopicRow {
  feedback_id: string;
  pipeline_version: string;
  topic_key: string;
  sentiment_label: string;
  sentiment_score: number;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

/**
 * Reads the raw rows (feedback, its customer's erasure, its newest analysis and that analysis's topics) and turns
 * them into what each item adds to the rollups: null when it adds nothing (deleted, erased, or still pending).
 * The newest analysis is the one stored last: the one the rollups moved the item to.
 */
export async function readFacts(
  manager: EntityManager,
  ids: string[],
): Promise<Map<string, RollupFacts | null>> {
  const facts = new Map<string, RollupFacts | null>(ids.map((id) => [id, null]));
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const list = placeholders(chunk.length);
    const items: FeedbackRow[] = await manager.query(
      `SELECT f.id, f.kind, f.source, f.channel, f.touchpoint, f.journey_stage, f.segment, f.language,
              f.nps_score, f.csat, f.ces, f.rating, f.occurred_at, f.analysis_status, c.erased_at
       FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id WHERE f.id IN (${list})`,
      chunk,
    );
    const analyses: AnalysisRow[] = await manager.query(
      `SELECT feedback_id, pipeline_version, language, sentiment_label, sentiment_score, signals, analysed_at
       FROM feedback_analysis WHERE feedback_id IN (${list})`,
      chunk,
    );
    const topics: TopicRow[] = await manager.query(
      `SELECT feedback_id, pipeline_version, topic_key, sentiment_label, sentiment_score
       FROM feedback_topics WHERE feedback_id IN (${list})`,
      chunk,
    );
    const newest = newestAnalyses(analyses);
    const topicsOf = new Map<string, TopicRow[]>();
    for (const t of topics) {
      if (newest.get(t.feedback_id)?.pipeline_version !== t.pipeline_version) continue;
      topicsOf.set(t.feedback_id, [...(topicsOf.get(t.feedback_id) ?? []), t]);
    }
    for (const f of items) {
      if (f.analysis_status === 'pending' || f.erased_at !== null) continue;
      facts.set(f.id, factsOf(f, newest.get(f.id), topicsOf.get(f.id) ?? []));
    }
  }
  return facts;
}

export function newestAnalyses(analyses: AnalysisRow[]): Map<string, AnalysisRow> {
  const newest = new Map<string, AnalysisRow>();
  for (const a of analyses) {
    const best = newest.get(a.feedback_id);
    const [t, bt] = [toMs(a.analysed_at), best ? toMs(best.analysed_at) : -1];
    if (!best || t > bt || (t === bt && a.pipeline_version > best.pipeline_version))
      newest.set(a.feedback_id, a);
  }
  return newest;
}

function factsOf(f: FeedbackRow, a: AnalysisRow | undefined, topics: TopicRow[]): RollupFacts {
  const score = a ? num(a.sentiment_score) : null;
  return {
    hour: Math.floor(toMs(f.occurred_at) / MS_PER_HOUR),
    dims: {
      kind: f.kind,
      source: f.source,
      channel: f.channel,
      touchpoint: f.touchpoint ?? '',
      journeyStage: f.journey_stage ?? '',
      segment: f.segment ?? '',
      language: f.language ?? a?.language ?? '',
    },
    sentiment: a?.sentiment_label && score !== null ? { label: a.sentiment_label, score } : null,
    topics: topics
      .map((t): [string, string, number] => [t.topic_key, t.sentiment_label, Number(t.sentiment_score)])
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
    signals: [...new Set((a?.signals ?? '').split(',').filter(Boolean))].sort(),
    nps: num(f.nps_score),
    csat: num(f.csat),
    ces: num(f.ces),
    rating: num(f.rating),
  };
}

import type { ChangeVerdict } from './change-verdict';

/** The feedback a subscriber reads: every figure is narrowed to it. Absent fields do not narrow. */
export interface DigestSlice {
  segment?: string;
  channel?: string;
  touchpoint?: string;
  journeyStage?: string;
  source?: string;
  kind?: string;
}

export const SLICE_FIELDS = ['segment', 'channel', 'touchpoint', 'journeyStage', 'source', 'kind'] as const;

/** What to build a digest for. */
export interface DigestRequest {
  /** `2026-W47`. */
  week: string;
  timeZone: string;
  slice: DigestSlice | null;
}

/**
 * A part of the digest that needs a source which may not exist yet: then it says why instead of guessing.
 * `note` says how an available part differs from the reader's view (a service that cannot narrow to the slice).
 */
export type DigestSection<T> =
  { available: true; items: T[]; note?: string } | { available: false; reason: string };

/** One headline figure (an index or NPS) with its move against the week before and a 12-week trend. */
export interface DigestMetric {
  key: string;
  label: string;
  value: number | null;
  previous: number | null;
  change: number | null;
  n: number;
  previousN: number;
  /** p-value of the change; null when it cannot be computed. */
  pValue: number | null;
  /** See changeVerdict: significant only on full samples of both weeks. */
  verdict: ChangeVerdict;
  significant: boolean;
  lowSample: boolean;
  /** The week before's sample was small. */
  previousLowSample: boolean;
  trend: { week: string; value: number | null; n: number }[];
}

/** The index that moved most, its change split into mix and rate (ExplainService), and that said in words. */
export interface BiggestMover {
  metric: string;
  label: string;
  groupBy: string;
  mix: number;
  rate: number;
  total: number;
  explanation: string;
}

export interface ChannelVolume {
  channel: string;
  n: number;
  previousN: number;
}

/** A touchpoint or journey stage as GET /api/v1/pain-points ranks it (PainPointsService: one definition). */
export interface PainPoint {
  dimension: 'touchpoint' | 'journeyStage';
  label: string;
  /** What the bar shows: the service's impact, (negative share − overall negative share) × volume. */
  value: number;
  /** Items of the group (volume). */
  n: number;
  /** Items with a sentiment, the negative share's sample size. */
  scored: number;
  negativeShare: number | null;
  lowSample: boolean;
  /** The group's topic with the most negative mentions. */
  topTopic: string | null;
  verbatims: string[];
}

/** The topic that explains most of NPS among customers who raised it negatively (DriversService). */
export interface NpsDriver {
  topic: string;
  /** Customers with an NPS answer who raised the topic negatively. */
  customers: number;
  /** Customers with an NPS answer in the analysis. */
  n: number;
  /** Share of the explained variance (relative weights), 0..1, with its bootstrap 95 % interval. */
  importance: number;
  importanceCi: { low: number; high: number } | null;
  /** NPS points gained overall if these customers scored like the rest, with its 95 % interval. */
  impact: number | null;
  impactCi: { low: number; high: number } | null;
  pValue: number | null;
}

export interface TopicMover {
  topic: string;
  change: number;
  n: number;
  significant: boolean;
  verbatims: string[];
}

export interface Verbatim {
  text: string;
  channel: string;
  occurredAt: string;
  sentimentScore: number | null;
}

export interface DigestContent {
  week: string;
  /** The week's first and last instants in the reader's time zone: [from, to). */
  from: string;
  to: string;
  timeZone: string;
  slice: DigestSlice | null;
  generatedAt: string;
  /** NPS and the other headline figures of the query layer, each with its change and 12-week trend. */
  headline: DigestMetric[];
  /** The three SAT indices (satisfaction, advocacy, trust): from the indices service once it exists. */
  indices: DigestSection<DigestMetric>;
  /** Things the reader should know about how the figures were made (a zone replaced, say). */
  notes: string[];
  biggestMover: DigestSection<BiggestMover>;
  volume: {
    total: number;
    previousTotal: number;
    byChannel: ChannelVolume[];
    trend: { week: string; n: number }[];
  };
  painPoints: DigestSection<PainPoint>;
  painPointMeasure: string;
  /** The negative share of all the reader's feedback of the week, which pain points are measured against. */
  overallNegativeShare: number | null;
  topicMovers: DigestSection<TopicMover>;
  emergingThemes: DigestSection<{ theme: string; n: number }>;
  anomalies: DigestSection<{ description: string }>;
  /** At most one item; an empty list with `note` when no topic qualifies (the note says why). */
  npsDriver: DigestSection<NpsDriver>;
  /** The week's most negative items (already redacted at ingestion). */
  complaints: Verbatim[];
  /** Praise worth passing on. */
  praise: Verbatim[];
}

/** Where the figures come from: a seam so the query layer and the indices plug in without touching the email. */
export interface DigestContentSource {
  build(request: DigestRequest): Promise<DigestContent>;
}

export const DIGEST_CONTENT_SOURCE = Symbol('DIGEST_CONTENT_SOURCE');

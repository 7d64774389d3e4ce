import type {
  FeedbackIngestionService,
  IngestOptions,
  IngestOutcome,
} from '../../src/modules/feedback/feedback-ingestion.service';

export const IMPORT_TYPES = ['auto', 'feedback', 'outcomes'] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

type Ingester = Pick<FeedbackIngestionService, 'ingest'>;

/**
 * One ingest() for files that hold feedback, outcome events or both: in `auto`, a line with a `type`
 * field (referral, lifecycle, retention) is an outcome event and every other line is feedback (which
 * has `kind`). Answers keep the order of the lines.
 */
export function routeByType(feedback: Ingester, outcomes: Ingester, mode: ImportType): Ingester {
  if (mode === 'feedback') return feedback;
  if (mode === 'outcomes')
    return { ingest: (raws, options) => outcomes.ingest(raws, outcomeOptions(options)) };
  return {
    ingest: async (raws: unknown[], options?: IngestOptions): Promise<IngestOutcome[]> => {
      const isOutcome = raws.map(hasType);
      const pick = (want: boolean) => raws.filter((_, i) => isOutcome[i] === want);
      const [asFeedback, asOutcomes] = [pick(false), pick(true)];
      const fromFeedback = asFeedback.length ? await feedback.ingest(asFeedback, options) : [];
      const fromOutcomes = asOutcomes.length
        ? await outcomes.ingest(asOutcomes, outcomeOptions(options))
        : [];
      let [f, o] = [0, 0];
      return raws.map((_, index) => ({
        ...(isOutcome[index] ? fromOutcomes[o++] : fromFeedback[f++]),
        index,
      }));
    },
  };
}

function hasType(raw: unknown): boolean {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'type' in raw;
}

/** `--kind` is a feedback kind: it means nothing to outcome events. */
function outcomeOptions(options: IngestOptions | undefined): IngestOptions {
  return { defaultSource: options?.defaultSource };
}

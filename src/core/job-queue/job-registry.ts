/**
 * The typed job registry: every job the system runs is named here, with its payload type and retry policy.
 * Adding a job = add a `JobName` member, its payload in `JobPayloads`, its policy in `JOB_DEFINITIONS`,
 * and exactly one `@JobHandler(JobName.X)` method on a provider (startup fails otherwise).
 */
export enum JobName {
  SystemPing = 'system.ping',
  AnalyseFeedback = 'feedback.analyse',
  PlanReprocess = 'analysis.plan-reprocess',
  DetectAnomalies = 'anomalies.detect',
  DeliverAlert = 'alerts.deliver',
  DigestCheckDue = 'digest.check-due',
  DigestSend = 'digest.send',
  DigestPrecompute = 'digest.precompute',
  FoldOutcomeFigures = 'outcomes.fold-figures',
}

/** Outcome ids per fold job: 400 uuids are 15.6 KB of JSON, under the queue's 16 KB payload bound. */
export const FOLD_BATCH_SIZE = 400;

/** Payloads travel through Redis as JSON: ids and small values only, never entities or customer text. */
export interface JobPayloads {
  [JobName.SystemPing]: { pingId: string };
  /** A batch of feedback ids: one job per batch keeps the queue off the hot path. */
  [JobName.AnalyseFeedback]: { feedbackIds: string[]; reprocessId?: string };
  /** Pages through the feedback a re-analysis covers, enqueueing analysis batches, then itself for the next page. */
  [JobName.PlanReprocess]: { reprocessId: string; afterId?: string };
  /** Looks for spikes on the given UTC days (`YYYY-MM-DD`); by default the last two complete days and today. */
  [JobName.DetectAnomalies]: { days?: string[] };
  /** One signed delivery to one alert subscription (the delivery row holds the body). */
  [JobName.DeliverAlert]: { deliveryId: string };
  /** Repeating: finds subscribers whose send time has come in their own zone and claims their week. */
  [JobName.DigestCheckDue]: Record<string, never>;
  /** Sends one claimed (subscriber, week) delivery row. */
  [JobName.DigestSend]: { deliveryId: string };
  /** Computes a digest view's costly parts ahead of its send: a week, the zone it is read in and a slice. */
  /** Adds newly stored outcome events to the customer-level figures of the SAT indices. */
  [JobName.FoldOutcomeFigures]: { outcomeIds: string[] };
  [JobName.DigestPrecompute]: {
    week: string;
    timeZone: string;
    slice: Partial<
      Record<'segment' | 'channel' | 'touchpoint' | 'journeyStage' | 'source' | 'kind', string>
    > | null;
  };
}

export interface JobDefinition {
  /** Total tries, the first included (1 = no retry). */
  attempts: number;
  /** Wait before try n+1: fixed = delayMs; exponential = (2^n - 1) * delayMs, as Bull computes it. */
  backoff: { type: 'exponential' | 'fixed'; delayMs: number };
  /** A try running longer than this fails (and is retried while attempts remain). */
  timeoutMs?: number;
  /**
   * Jobs of this name whose payloads differ only in this array may be merged into one job of up to `max`
   * entries (the outbox does this, so a burst of single-item requests becomes a few batch jobs).
   */
  mergeArray?: { field: string; max: number };
}

export const JOB_DEFINITIONS: Record<JobName, JobDefinition> = {
  [JobName.SystemPing]: { attempts: 1, backoff: { type: 'fixed', delayMs: 0 }, timeoutMs: 5_000 },
  // Per-item errors are recorded on the item, so a failing job means the database (or the process) failed:
  // 8 tries wait 1+3+…+127 s ≈ 4 min, outlasting an outage until the 5-minute stale sweeper takes over.
  // With 5 tries (26 s of waits) a 15 s MySQL cut left 30 of 230 items pending in one of two runs.
  [JobName.AnalyseFeedback]: {
    attempts: 8,
    backoff: { type: 'exponential', delayMs: 1_000 },
    timeoutMs: 120_000,
    mergeArray: { field: 'feedbackIds', max: 200 },
  },
  [JobName.PlanReprocess]: {
    attempts: 5,
    backoff: { type: 'exponential', delayMs: 1_000 },
    timeoutMs: 60_000,
  },
  [JobName.DetectAnomalies]: {
    attempts: 3,
    backoff: { type: 'exponential', delayMs: 5_000 },
    timeoutMs: 300_000,
  },
  /** 8 tries over ≈ 4 minutes (1, 3, 7 … 127 s apart): rides out a receiver's restart or a short outage. */
  [JobName.DeliverAlert]: {
    attempts: 8,
    backoff: { type: 'exponential', delayMs: 1_000 },
    timeoutMs: 30_000,
  },
  /** A failed check is simply repeated by the next tick. */
  [JobName.DigestCheckDue]: { attempts: 1, backoff: { type: 'fixed', delayMs: 0 }, timeoutMs: 120_000 },
  /** SMTP trouble: tries after 1, 3, 7 and 15 s, then the delivery ends `failed` with the reason. */
  [JobName.DigestSend]: {
    attempts: 5,
    backoff: { type: 'exponential', delayMs: 1_000 },
    timeoutMs: 120_000,
  },
  /** The next due check queues it again (a no-op when the stored parts are still valid). */
  [JobName.DigestPrecompute]: {
    attempts: 2,
    backoff: { type: 'fixed', delayMs: 30_000 },
    timeoutMs: 300_000,
  },
  /**
   * Idempotent (an event's pending row goes in the fold's commit), so retries are safe; 8 tries over ≈ 4 minutes
   * outlast a database outage, then the sweeper takes over. Batches of a burst travel together.
   */
  [JobName.FoldOutcomeFigures]: {
    attempts: 8,
    backoff: { type: 'exponential', delayMs: 1_000 },
    timeoutMs: 120_000,
    mergeArray: { field: 'outcomeIds', max: FOLD_BATCH_SIZE },
  },
};

import { Inject, Injectable, Logger } from '@nestjs/common';
import { uuidV7 } from '../../core/ids/uuid-v7';
import { AlertEvent, AlertsService } from '../alerts/alerts.service';
import { AnomaliesRepository, seriesKey } from './anomalies.repository';
import { ANOMALY_DIMENSIONS, AnomalyDimension } from './anomaly-kinds';
import { DAILY_SERIES_SOURCE, DailySeriesSource } from './daily-series.source';
import { AnomalyDto, toAnomalyDto } from './dto/anomaly.dto';
import { AnomalyEntity } from './entities/anomaly.entity';
import { detectSpikes, SeriesHistory, shiftDay, SPIKE_RULES } from './spike-detector';

/** Days re-examined by each scheduled run: late feedback and re-analysis can still reveal a recent spike. */
export const RESCAN_DAYS = 3;
/** Anomalies on days older than this are recorded but not pushed (a backfill must not page anyone). */
export const ALERT_MAX_AGE_DAYS = 3;
/** A scan looks at most this many days at once (the baseline adds eight weeks before the first). */
export const MAX_SCAN_DAYS = 400;

export interface DetectionReport {
  days: number;
  found: number;
  recorded: number;
  alerted: number;
}

/** Finds spikes per topic and per value of each item dimension (ANOMALY_DIMENSIONS), records each once, and hands new ones to alerting. */
@Injectable()
export class AnomaliesService {
  private readonly logger = new Logger(AnomaliesService.name);

  constructor(
    private readonly repository: AnomaliesRepository,
    private readonly alerts: AlertsService,
    @Inject(DAILY_SERIES_SOURCE) private readonly source: DailySeriesSource,
  ) {}

  /** Complete UTC days up to yesterday, the last RESCAN_DAYS of them. */
  defaultDays(now = new Date()): string[] {
    const yesterday = shiftDay(now.toISOString().slice(0, 10), -1);
    return Array.from({ length: RESCAN_DAYS }, (_, i) => shiftDay(yesterday, -i)).reverse();
  }

  /** Every day from `fromDay` to `toDay` (inclusive). */
  daysBetween(fromDay: string, toDay: string): string[] {
    const days: string[] = [];
    for (let d = fromDay; d <= toDay && days.length < MAX_SCAN_DAYS; d = shiftDay(d, 1)) days.push(d);
    return days;
  }

  async detect(days: string[], now = new Date()): Promise<DetectionReport> {
    const sorted = [...days].sort();
    if (!sorted.length) return { days: 0, found: 0, recorded: 0, alerted: 0 };
    // A week before the first day is examined too, unrecorded: whether an episode was already going on.
    const preroll = Array.from({ length: 7 }, (_, i) => shiftDay(sorted[0], i - 7));
    const from = shiftDay(preroll[0], -7 * SPIKE_RULES.baselineWeeks - 6);
    const histories: SeriesHistory[] = [];
    for (const dimension of ANOMALY_DIMENSIONS as readonly AnomalyDimension[])
      histories.push(...(await this.source.series(dimension, from, sorted[sorted.length - 1])));
    // The first day with data: baseline days before it are not "zero", they are unknown.
    let firstDay: string | undefined;
    for (const h of histories)
      for (const day of h.days.keys()) if (!firstDay || day < firstDay) firstDay = day;
    if (!firstDay) return { days: sorted.length, found: 0, recorded: 0, alerted: 0 };
    const detectedAt = new Date();
    const findings = sorted.flatMap((day) => detectSpikes(day, histories, firstDay));
    const ongoing = preroll
      .flatMap((day) => detectSpikes(day, histories, firstDay))
      .filter((f) => f.window === 'week');
    const alertFrom = shiftDay(now.toISOString().slice(0, 10), -ALERT_MAX_AGE_DAYS);
    const { recorded, messages } = await this.repository.transaction(async (manager) => {
      // Recorded already, or part of an episode already recorded: a week-window spike stays significant for
      // days after it starts, and a lasting problem keeps it so. One anomaly per episode: a week finding within
      // 7 days of an earlier one (recorded or not) of its series continues that episode.
      const previous = await this.repository.recorded(manager, [
        shiftDay(sorted[0], -6),
        sorted[sorted.length - 1],
      ]);
      const latest = new Map<string, string[]>();
      const remember = (key: string, day: string) => latest.set(key, [...(latest.get(key) ?? []), day]);
      for (const a of previous) remember(seriesKey(a), a.day);
      for (const f of ongoing)
        remember(
          seriesKey({ kind: f.kind, dimension: f.dimension, dimensionValue: f.value, window: f.window }),
          f.day,
        );
      const isKnown = (a: AnomalyEntity) =>
        (latest.get(seriesKey(a)) ?? []).some(
          (d) => d === a.day || (a.window === 'week' && d < a.day && d >= shiftDay(a.day, -6)),
        );
      const fresh: AnomalyEntity[] = [];
      for (const a of findings.map((f) =>
        Object.assign(new AnomalyEntity(), {
          id: uuidV7(),
          kind: f.kind,
          window: f.window,
          dimension: f.dimension,
          dimensionValue: f.value.slice(0, 100),
          day: f.day,
          observed: f.observed,
          expected: f.expected,
          n: f.n,
          baselineN: f.baselineN,
          pValue: f.pValue,
          qValue: f.qValue,
          detectedAt,
        }),
      )) {
        const known = isKnown(a);
        remember(seriesKey(a), a.day);
        if (!known) fresh.push(a);
      }
      await this.repository.insert(manager, fresh);
      const events: AlertEvent[] = fresh
        .filter((a) => a.day >= alertFrom)
        .map((a) => ({
          kind: a.kind,
          anomalyId: a.id,
          data: toAnomalyDto(a) as unknown as Record<string, unknown>,
        }));
      return { recorded: fresh, messages: await this.alerts.enqueue(manager, events) };
    });
    this.alerts.sendAfterCommit(messages);
    if (recorded.length)
      this.logger.log(`${recorded.length} new anomal${recorded.length === 1 ? 'y' : 'ies'} recorded`);
    return {
      days: sorted.length,
      found: findings.length,
      recorded: recorded.length,
      alerted: messages.length,
    };
  }

  async list(
    ...args: Parameters<AnomaliesRepository['list']>
  ): Promise<{ items: AnomalyDto[]; last?: AnomalyEntity }> {
    const rows = await this.repository.list(...args);
    return { items: rows.map(toAnomalyDto), last: rows[rows.length - 1] };
  }
}

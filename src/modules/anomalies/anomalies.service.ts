import { Inject, Injectable, Logger } from '@nestjs/common';
import { uuidV7 } from '../../core/ids/uuid-v7';
import { AlertEvent, AlertsService } from '../alerts/alerts.service';
import { AnomaliesRepository, anomalyKey } from './anomalies.repository';
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

/** Finds spikes per topic, touchpoint and channel, records each once, and hands new ones to alerting. */
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
    const from = shiftDay(sorted[0], -7 * SPIKE_RULES.baselineWeeks);
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
    const alertFrom = shiftDay(now.toISOString().slice(0, 10), -ALERT_MAX_AGE_DAYS);
    const { recorded, messages } = await this.repository.transaction(async (manager) => {
      const known = await this.repository.existingKeys(manager, sorted);
      const fresh = findings
        .map((f) =>
          Object.assign(new AnomalyEntity(), {
            id: uuidV7(),
            kind: f.kind,
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
        )
        .filter((a) => !known.has(anomalyKey(a)));
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

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { placeholders } from '../../database/insert-rows';
import { toMs } from '../rollups/rollup-source.reader';

export interface OutcomeRow {
  type: string;
  event: string | null;
  customerId: string | null;
  segment: string;
  at: number;
  customersAtStart: number | null;
  retained: number | null;
}

export interface CustomerItemRow {
  feedbackId: string;
  customerId: string;
  channel: string;
  group: Record<string, string>;
  at: number;
  sentiment: string | null;
  analysedAt: number;
}

/** Item columns the customer-level components can filter and group by. */
export const ITEM_COLUMNS: Record<string, string> = {
  kind: 'f.kind',
  source: 'f.source',
  channel: 'f.channel',
  touchpoint: 'f.touchpoint',
  journeyStage: 'f.journey_stage',
  segment: 'f.segment',
  language: 'f.language',
};

/**
 * The raw rows behind the outcome-based and customer-level components: read at query time only for questions
 * the pre-aggregated customer figures cannot answer exactly (see docs/indices.md).
 */
@Injectable()
export class IndexSourcesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** SQLite keeps datetimes as UTC text; MySQL takes a Date (the connection is in UTC). */
  private instant(d: Date): Date | string {
    return this.dataSource.options.type === 'better-sqlite3'
      ? d.toISOString().replace('T', ' ').replace('Z', '')
      : d;
  }

  async outcomes(from: Date, to: Date, segments?: string[]): Promise<OutcomeRow[]> {
    const params: unknown[] = [this.instant(from), this.instant(to)];
    let where = 'occurred_at >= ? AND occurred_at < ?';
    if (segments?.length) {
      where += ` AND segment IN (${placeholders(segments.length)})`;
      params.push(...segments);
    }
    const rows: Record<string, string | number | Date | null>[] = await this.dataSource.query(
      `SELECT type, event, customer_id, segment, occurred_at, customers_at_start, retained
       FROM outcomes WHERE ${where}`,
      params,
    );
    return rows.map((r) => ({
      type: String(r.type),
      event: r.event === null ? null : String(r.event),
      customerId: r.customer_id === null ? null : String(r.customer_id),
      segment: r.segment === null ? '' : String(r.segment),
      at: toMs(r.occurred_at as Date | string),
      customersAtStart: r.customers_at_start === null ? null : Number(r.customers_at_start),
      retained: r.retained === null ? null : Number(r.retained),
    }));
  }

  /** Analysed items of known, not erased customers in the range (one row per analysis version). */
  async customerItems(from: Date, to: Date, filters: Record<string, string[]>): Promise<CustomerItemRow[]> {
    const params: unknown[] = [this.instant(from), this.instant(to)];
    let where = `f.occurred_at >= ? AND f.occurred_at < ? AND f.customer_id IS NOT NULL
      AND f.analysis_status <> 'pending' AND c.erased_at IS NULL`;
    for (const [dim, values] of Object.entries(filters)) {
      if (!values.length || !ITEM_COLUMNS[dim]) continue;
      where += ` AND COALESCE(${ITEM_COLUMNS[dim]}, '') IN (${placeholders(values.length)})`;
      params.push(...values);
    }
    const dims = Object.entries(ITEM_COLUMNS)
      .map(([k, col]) => `${col} AS d_${k}`)
      .join(', ');
    const rows: Record<string, string | number | Date | null>[] = await this.dataSource.query(
      `SELECT f.id, f.customer_id, f.channel, f.occurred_at, ${dims}, a.sentiment_label, a.analysed_at
       FROM feedback f JOIN customers c ON c.id = f.customer_id
       LEFT JOIN feedback_analysis a ON a.feedback_id = f.id
       WHERE ${where}`,
      params,
    );
    return rows.map((r) => ({
      feedbackId: String(r.id),
      customerId: String(r.customer_id),
      channel: String(r.channel),
      group: Object.fromEntries(
        Object.keys(ITEM_COLUMNS).map((k) => [k, r[`d_${k}`] === null ? '' : String(r[`d_${k}`])]),
      ),
      at: toMs(r.occurred_at as Date | string),
      sentiment: r.sentiment_label === null ? null : String(r.sentiment_label),
      analysedAt: r.analysed_at === null ? 0 : toMs(r.analysed_at as Date | string),
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { ExplainMetric, ExplainService } from '../../indices/explain.service';
import { InsightsQueryError, QueryFilters, TimeRange } from '../../rollups/query/insights-query.types';
import { BiggestMover, DigestMetric, DigestSection } from './digest-content.types';

/** Explained by channel: every item has one, so the groups partition the week (mix + rate add up exactly). */
const GROUP_BY = 'channel' as const;
const fmt = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${fmt(Math.abs(x))}`;

/**
 * The index that moved most since the week before, with its change split by ExplainService into mix (channels
 * carrying more or less of the feedback) and rate (the index moving within channels), said in words.
 */
@Injectable()
export class DigestMoverReader {
  constructor(private readonly explainer: ExplainService) {}

  async read(
    indices: DigestSection<DigestMetric>,
    current: TimeRange,
    baseline: TimeRange,
    filters: QueryFilters,
  ): Promise<DigestSection<BiggestMover>> {
    const moved = indices.available
      ? indices.items
          .filter((m) => m.change !== null)
          .sort((a, b) => Math.abs(b.change!) - Math.abs(a.change!))[0]
      : undefined;
    if (!moved)
      return { available: false, reason: 'Biggest mover: no index has figures in both weeks to compare' };
    let result;
    try {
      result = await this.explainer.explain({
        metric: moved.key as ExplainMetric,
        current,
        baseline,
        groupBy: GROUP_BY,
        filters,
      });
    } catch (error) {
      if (!(error instanceof InsightsQueryError)) throw error;
      return {
        available: false,
        reason: `Biggest mover: ${moved.label} cannot be split by channel this week`,
      };
    }
    const { mix, rate, total } = result.total;
    const top = [...result.groups].sort((a, b) => Math.abs(b.total) - Math.abs(a.total))[0];
    const driver = Math.abs(rate) >= Math.abs(mix) ? 'rate' : 'mix';
    const explanation =
      `${moved.label} ${moved.change! >= 0 ? 'rose' : 'fell'} ${fmt(Math.abs(moved.change!))} points. ` +
      `By channel, ${signed(rate)} comes from rate (the index moving within channels) and ${signed(mix)} from ` +
      `mix (channels carrying more or less of the feedback): mostly ${driver === 'rate' ? 'a change within channels' : 'a change in which channels the feedback came from'}.` +
      (moved.verdict === 'significant'
        ? ''
        : moved.verdict === 'small_sample'
          ? ' The change rests on a small sample: read it with care.'
          : ' The change itself is within normal variation.') +
      (top ? ` Largest contribution: ${top.group} (${signed(top.total)}).` : '') +
      (Math.abs(total - moved.change!) > 0.05
        ? ` (The split is of the n-weighted mean of the channels' indices, which moved ${signed(total)}.)`
        : '');
    return {
      available: true,
      items: [{ metric: moved.key, label: moved.label, groupBy: GROUP_BY, mix, rate, total, explanation }],
    };
  }
}

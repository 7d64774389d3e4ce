import { barChart, InlineChart, sparkline } from '../charts/digest-charts';
import { CHART_THEME } from '../charts/chart-theme';
import { DigestContent } from '../content/digest-content.types';
import { DigestFormat } from './digest-format';

/** The charts one digest shows, keyed by what the template places them next to. Alt text says what they show. */
export interface DigestCharts {
  volumeTrend?: InlineChart;
  channels?: InlineChart;
  painPoints?: InlineChart;
  metrics: Record<string, InlineChart>;
}

export function buildDigestCharts(content: DigestContent, format: DigestFormat): DigestCharts {
  const charts: DigestCharts = { metrics: {} };
  const trend = content.volume.trend;
  if (trend.some((t) => t.n > 0)) {
    const first = trend[0];
    const last = trend[trend.length - 1];
    charts.volumeTrend = sparkline(
      'volume-trend',
      `Feedback items per week over ${trend.length} weeks: ${format.count(first.n)} in ${first.week}, ` +
        `${format.count(last.n)} in ${last.week}`,
      trend.map((t) => t.n),
    );
  }
  const channels = content.volume.byChannel.filter((c) => c.n > 0);
  if (channels.length) {
    charts.channels = barChart(
      'volume-by-channel',
      `Feedback items by channel in ${content.week}: ` +
        channels.map((c) => `${c.channel} ${format.count(c.n)}`).join(', '),
      channels.map((c) => ({ label: c.channel, value: c.n, display: format.count(c.n) })),
    );
  }
  const touchpoints = content.painPoints.available
    ? content.painPoints.items.filter((p) => p.dimension === 'touchpoint')
    : [];
  if (touchpoints.length) {
    charts.painPoints = barChart(
      'pain-points',
      `Touchpoints that hurt most in ${content.week}, by ${content.painPointMeasure}: ` +
        touchpoints.map((p) => `${p.label} ${format.oneDecimal(p.value)}`).join(', '),
      touchpoints.map((p) => ({ label: p.label, value: p.value, display: format.oneDecimal(p.value) })),
      CHART_THEME.negative,
    );
  }
  const indices = content.indices.available ? content.indices.items : [];
  for (const metric of [...content.headline, ...indices]) {
    const points = metric.trend.filter((t) => t.value !== null);
    if (points.length < 2) continue;
    charts.metrics[metric.key] = sparkline(
      `metric-${metric.key}`,
      `${metric.label} per week over ${metric.trend.length} weeks: ` +
        `${format.value(metric, points[0].value)} in ${points[0].week}, ` +
        `${format.value(metric, points[points.length - 1].value)} in ${points[points.length - 1].week}`,
      metric.trend.map((t) => t.value),
    );
  }
  return charts;
}

export function allCharts(charts: DigestCharts): InlineChart[] {
  return [charts.volumeTrend, charts.channels, charts.painPoints, ...Object.values(charts.metrics)].filter(
    (c): c is InlineChart => c !== undefined,
  );
}

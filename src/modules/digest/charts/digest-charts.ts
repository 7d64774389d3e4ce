import { CHART_THEME as T } from './chart-theme';
import { renderChartPng, PIXEL_RATIO } from './render-png';

/** A chart ready to attach inline: the PNG is PIXEL_RATIO times the CSS size stated here. */
export interface InlineChart {
  cid: string;
  alt: string;
  /** CSS pixels, as the email states them. */
  width: number;
  height: number;
  png: Buffer;
}

export { PIXEL_RATIO };

/** A small line of weekly values (nulls leave gaps) with the last point marked. */
export function sparkline(cid: string, alt: string, values: (number | null)[]): InlineChart {
  const width = 240;
  const height = 56;
  const defined = values.filter((v): v is number => v !== null);
  const min = defined.length ? Math.min(...defined) : 0;
  const max = defined.length ? Math.max(...defined) : 1;
  const pad = (max - min) * 0.15 || Math.abs(max) * 0.1 || 1;
  const png = renderChartPng(
    {
      backgroundColor: T.background,
      grid: { left: 6, right: 10, top: 8, bottom: 8 },
      xAxis: { type: 'category', show: false, boundaryGap: false, data: values.map((_, i) => String(i)) },
      yAxis: { type: 'value', show: false, min: min - pad, max: max + pad },
      series: [
        {
          type: 'line',
          data: values.map((v, i) => ({
            value: v,
            symbolSize: i === values.length - 1 ? 7 : 0,
          })),
          showSymbol: true,
          symbol: 'circle',
          connectNulls: false,
          lineStyle: { color: T.line, width: 2 },
          itemStyle: { color: T.line },
          areaStyle: { color: T.area },
        },
      ],
    },
    width,
    height,
  );
  return { cid, alt, width, height, png };
}

/** Horizontal bars, largest first as given, each labelled with its formatted value. */
export function barChart(
  cid: string,
  alt: string,
  bars: { label: string; value: number; display: string }[],
  color: string = T.bar,
): InlineChart {
  // The email's column is 552 px wide (600 less padding): wider images would be scaled down.
  const width = 552;
  const height = 24 + 30 * Math.max(bars.length, 1);
  const png = renderChartPng(
    {
      backgroundColor: T.background,
      // A fixed label column: server-side rendering has no canvas to measure text with.
      grid: { left: 196, right: 64, top: 10, bottom: 10 },
      xAxis: { type: 'value', show: false, max: Math.max(...bars.map((b) => b.value), 1) },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((b) => truncate(b.label, 24)),
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: { color: T.text, fontSize: 13, width: 184, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: bars.map((b) => b.value),
          barMaxWidth: 18,
          itemStyle: { color, borderRadius: [0, 3, 3, 0] },
          label: {
            show: true,
            position: 'right',
            color: T.text,
            fontSize: 12,
            formatter: (p: { dataIndex: number }) => bars[p.dataIndex].display,
          },
        },
      ],
    },
    width,
    height,
  );
  return { cid, alt, width, height, png };
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

import { barChart, sparkline } from '../charts/digest-charts';
import { loadChartLibrary } from '../charts/render-png';
import { DigestBlock } from './digest-blocks';
import { renderDigestHtml } from './digest-html.template';
import { renderDigestText } from './digest-text.template';

/**
 * Loads the email renderer and runs each of its paths once on made-up figures: ECharts (a line and a bar chart,
 * server-side SVG), resvg with the bundled fonts, and MJML with every block kind. Cold, these cost seconds
 * (loading MJML alone takes one to several) plus the first runs' compilation; warmed at boot, the first
 * digest after a start costs what the others do. Returns what each part took, in ms.
 */
export async function warmDigestRenderer(): Promise<{ charts: number; mjml: number }> {
  let t0 = performance.now();
  await loadChartLibrary();
  const line = sparkline('warmup-line', 'warm-up', [3, 5, null, 4, 6, 5, 7]);
  const bars = barChart('warmup-bars', 'warm-up', [
    { label: 'email', value: 12, display: '12' },
    { label: 'chat', value: 7, display: '7' },
  ]);
  const charts = performance.now() - t0;
  t0 = performance.now();
  const blocks: DigestBlock[] = [
    { kind: 'heading', text: 'Warm-up' },
    { kind: 'paragraph', text: 'Made-up figures.', muted: true },
    { kind: 'metric', label: 'NPS', value: '12', change: '+3', detail: 'n = 40', chart: line },
    { kind: 'chart', chart: bars },
    { kind: 'list', items: ['one', 'two'] },
    { kind: 'quote', text: 'Quick delivery.', meta: 'email' },
  ];
  const footer = { unsubscribeUrl: 'https://unsubscribe.invalid/warmup', reason: 'Warm-up.' };
  await renderDigestHtml('Warm-up', blocks, footer);
  renderDigestText('Warm-up', blocks, footer);
  return { charts, mjml: performance.now() - t0 };
}

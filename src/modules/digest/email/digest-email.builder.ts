import { InlineChart } from '../charts/digest-charts';
import { loadChartLibrary } from '../charts/render-png';
import { DigestContent } from '../content/digest-content.types';
import { buildDigestBlocks } from './digest-blocks';
import { allCharts, buildDigestCharts } from './digest-charts.builder';
import { DigestFormat, sliceLabel } from './digest-format';
import { renderDigestHtml } from './digest-html.template';
import { renderDigestText } from './digest-text.template';

export interface DigestEmail {
  subject: string;
  html: string;
  text: string;
  charts: InlineChart[];
}

/** Content → subject, responsive HTML with inline charts, and plain text, in the reader's locale. */
export async function buildDigestEmail(
  content: DigestContent,
  options: { locale: string; unsubscribeUrl: string | null },
): Promise<DigestEmail> {
  await loadChartLibrary();
  const format = new DigestFormat(options.locale, content.timeZone);
  const charts = buildDigestCharts(content, format);
  const blocks = buildDigestBlocks(content, format, charts);
  const slice = sliceLabel(content.slice);
  const subject =
    `Customer feedback digest ${content.week}` +
    (slice ? ` (${slice})` : '') +
    `: ${format.count(content.volume.total)} items`;
  const footer = {
    unsubscribeUrl: options.unsubscribeUrl,
    reason: 'You receive this weekly digest because an administrator of Hearken subscribed you.',
  };
  const title = `Customer feedback digest ${content.week}`;
  const html = await renderDigestHtml(title, blocks, footer);
  return {
    subject,
    html,
    text: renderDigestText(title, blocks, footer),
    // Only what the email shows (a week with no feedback shows no chart).
    charts: allCharts(charts).filter((chart) => html.includes(`cid:${chart.cid}`)),
  };
}

/** For a browser preview: the inline images as data URIs instead of `cid:` references. */
export function inlineChartsAsDataUris(email: DigestEmail): string {
  let html = email.html;
  for (const chart of email.charts)
    html = html.split(`cid:${chart.cid}`).join(`data:image/png;base64,${chart.png.toString('base64')}`);
  return html;
}

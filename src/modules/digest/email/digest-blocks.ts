import { InlineChart } from '../charts/digest-charts';
import { VERDICT_WORDS } from '../content/change-verdict';
import { DigestContent, DigestMetric, DigestSection } from '../content/digest-content.types';
import { DigestCharts } from './digest-charts.builder';
import { DigestFormat, sliceLabel, SMALL } from './digest-format';
import { npsDriverBlocks, painPointBlocks } from './digest-why-blocks';

/** The digest as a list of blocks: the HTML and the plain-text part render the same blocks, so they agree. */
export type DigestBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'metric'; label: string; value: string; change: string; detail: string; chart?: InlineChart }
  | { kind: 'chart'; chart: InlineChart }
  | { kind: 'list'; items: string[] }
  | { kind: 'quote'; text: string; meta: string };

export function buildDigestBlocks(
  content: DigestContent,
  f: DigestFormat,
  charts: DigestCharts,
): DigestBlock[] {
  const blocks: DigestBlock[] = [];
  const slice = sliceLabel(content.slice);
  const { total, previousTotal } = content.volume;
  blocks.push({
    kind: 'paragraph',
    text: `Week ${content.week}, ${f.weekSpan(content)}${slice ? `, ${slice}` : ''}.`,
    muted: true,
  });
  if (total === 0) {
    blocks.push({
      kind: 'paragraph',
      text:
        `No feedback arrived this week${slice ? ' for this slice' : ''}, so there is nothing to measure or compare. ` +
        (previousTotal > 0
          ? `The week before had ${f.count(previousTotal)} items: a quiet week, or a source that stopped sending?`
          : 'The week before had none either.'),
    });
    return [...blocks, ...notes(content)];
  }
  blocks.push({
    kind: 'paragraph',
    text: `${f.count(total)} feedback items this week (${f.relative(total, previousTotal)}).`,
  });

  blocks.push({ kind: 'heading', text: 'Where we stand' });
  for (const m of content.headline) blocks.push(metricBlock(m, f, charts));
  if (content.indices.available) {
    blocks.push({ kind: 'heading', text: 'Satisfaction, advocacy and trust (0–100)' });
    for (const m of content.indices.items) blocks.push(metricBlock(m, f, charts));
  } else unavailable(blocks, content.indices);
  if (content.biggestMover.available)
    for (const m of content.biggestMover.items)
      blocks.push({ kind: 'paragraph', text: `Biggest mover: ${m.explanation}` });
  else unavailable(blocks, content.biggestMover);

  blocks.push({ kind: 'heading', text: 'Volume by channel' });
  if (charts.volumeTrend) blocks.push({ kind: 'chart', chart: charts.volumeTrend });
  if (charts.channels) blocks.push({ kind: 'chart', chart: charts.channels });
  blocks.push({
    kind: 'list',
    items: content.volume.byChannel.map(
      (c) => `${c.channel}: ${f.count(c.n)} (week before ${f.count(c.previousN)})`,
    ),
  });

  blocks.push(...painPointBlocks(content, f, charts));
  if (content.topicMovers.available && content.topicMovers.items.length) {
    blocks.push({ kind: 'heading', text: 'Topics that moved' });
    for (const m of content.topicMovers.items) {
      blocks.push({
        kind: 'paragraph',
        text: `${m.topic}: negative share ${f.signedPoints(m.change)} vs the week before (n = ${f.count(m.n)}, significant after correcting for the number of topics)`,
      });
      for (const v of m.verbatims) blocks.push({ kind: 'quote', text: v, meta: m.topic });
    }
  }
  news(
    blocks,
    'Anomalies of the week',
    content.anomalies,
    (a) => a.description,
    'No anomaly was detected this week.',
  );
  news(
    blocks,
    'Emerging themes',
    content.emergingThemes,
    (t) => t.theme,
    'No theme rose significantly above the four weeks before.',
  );
  blocks.push(...npsDriverBlocks(content.npsDriver, f));

  blocks.push({ kind: 'heading', text: 'In their words' });
  if (!content.complaints.length && !content.praise.length)
    blocks.push({ kind: 'paragraph', text: 'No analysed comments with text this week.' });
  for (const v of content.complaints)
    blocks.push({ kind: 'quote', text: v.text, meta: `complaint · ${v.channel}` });
  if (content.praise.length) {
    blocks.push({ kind: 'heading', text: 'Praise worth passing on' });
    for (const v of content.praise)
      blocks.push({ kind: 'quote', text: v.text, meta: `praise · ${v.channel}` });
  }
  return [...blocks, ...notes(content)];
}

function metricBlock(m: DigestMetric, f: DigestFormat, charts: DigestCharts): DigestBlock {
  const p = m.pValue === null ? '' : `, p = ${f.pValue(m.pValue)}`;
  const detail =
    m.n === 0
      ? 'no answers this week'
      : `n = ${f.count(m.n)}; week before ${f.value(m, m.previous)} (n = ${f.count(m.previousN)}); ` +
        `${VERDICT_WORDS[m.verdict]}${p}` +
        (m.verdict === 'small_sample'
          ? ''
          : m.lowSample
            ? `; ${SMALL}`
            : m.previousLowSample && m.previousN > 0
              ? '; the week before had a small sample'
              : '');
  return {
    kind: 'metric',
    label: m.label,
    value: f.value(m),
    change: m.n === 0 ? '' : f.change(m),
    detail,
    chart: charts.metrics[m.key],
  };
}

function news<T>(
  blocks: DigestBlock[],
  heading: string,
  section: DigestSection<T>,
  line: (item: T) => string,
  none: string,
): void {
  if (!section.available) return unavailable(blocks, section);
  blocks.push({ kind: 'heading', text: heading });
  if (section.items.length) blocks.push({ kind: 'list', items: section.items.map(line) });
  else blocks.push({ kind: 'paragraph', text: none, muted: true });
  if (section.note) blocks.push({ kind: 'paragraph', text: section.note, muted: true });
}

function unavailable(blocks: DigestBlock[], section: DigestSection<unknown>): void {
  if (!section.available) blocks.push({ kind: 'paragraph', text: section.reason, muted: true });
}

function notes(content: DigestContent): DigestBlock[] {
  return content.notes.map((text) => ({ kind: 'paragraph', text, muted: true }));
}

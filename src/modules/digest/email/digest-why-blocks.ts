import { DigestContent, DigestSection, NpsDriver } from '../content/digest-content.types';
import type { DigestBlock } from './digest-blocks';
import { DigestCharts } from './digest-charts.builder';
import { DigestFormat, SMALL } from './digest-format';

const MIN_SAMPLE = 30;

/** "What hurt customers most": GET /api/v1/pain-points for the week, touchpoints charted, stages listed. */
export function painPointBlocks(
  content: DigestContent,
  f: DigestFormat,
  charts: DigestCharts,
): DigestBlock[] {
  const blocks: DigestBlock[] = [{ kind: 'heading', text: 'What hurt customers most' }];
  const section = content.painPoints;
  if (!section.available) return [...blocks, { kind: 'paragraph', text: section.reason, muted: true }];
  if (!section.items.length)
    return [
      ...blocks,
      {
        kind: 'paragraph',
        text: 'No touchpoint or journey stage drew more negatives than the overall rate.',
      },
    ];
  const overall = content.overallNegativeShare;
  blocks.push({
    kind: 'paragraph',
    text:
      `Ranked by negatives beyond the overall rate (${overall === null ? '–' : f.share(overall)} negative this ` +
      `week): (negative share − overall share) × items, as GET /api/v1/pain-points.`,
    muted: true,
  });
  if (charts.painPoints) blocks.push({ kind: 'chart', chart: charts.painPoints });
  for (const p of section.items.filter((i) => i.dimension === 'touchpoint')) {
    const share = p.negativeShare === null ? '–' : f.share(p.negativeShare);
    blocks.push({
      kind: 'paragraph',
      text:
        `${p.label}: ${share} negative of ${f.count(p.scored)} scored items, ${f.oneDecimal(p.value)} ` +
        `negatives beyond the overall rate` +
        (p.topTopic ? `; mostly about ${p.topTopic}` : '') +
        (p.lowSample ? ` (${SMALL})` : ''),
    });
    for (const v of p.verbatims) blocks.push({ kind: 'quote', text: v, meta: p.label });
  }
  const stages = section.items.filter((i) => i.dimension === 'journeyStage');
  if (stages.length)
    blocks.push({
      kind: 'list',
      items: stages.map(
        (p) =>
          `Journey stage ${p.label}: ${p.negativeShare === null ? '–' : f.share(p.negativeShare)} negative ` +
          `(n = ${f.count(p.scored)}), ${f.oneDecimal(p.value)} negatives beyond the overall rate` +
          (p.lowSample ? ` (${SMALL})` : ''),
      ),
    });
  return blocks;
}

/** The top driver of NPS with its sample and intervals, or why there is none. */
export function npsDriverBlocks(section: DigestSection<NpsDriver>, f: DigestFormat): DigestBlock[] {
  const blocks: DigestBlock[] = [{ kind: 'heading', text: 'Top driver of NPS' }];
  if (!section.available) return [...blocks, { kind: 'paragraph', text: section.reason, muted: true }];
  for (const d of section.items) {
    const importance =
      `${f.share(d.importance)} of the NPS differences that topics explain` +
      (d.importanceCi
        ? ` (95 % interval ${f.share(d.importanceCi.low)}–${f.share(d.importanceCi.high)})`
        : '');
    const impact =
      d.impact === null
        ? ''
        : `; NPS would change by ${f.signedNumber(d.impact)} points if they scored like the rest` +
          (d.impactCi
            ? ` (95 % interval ${f.signedNumber(d.impactCi.low)} to ${f.signedNumber(d.impactCi.high)})`
            : '');
    blocks.push({
      kind: 'paragraph',
      text:
        `${d.topic}: raised negatively by ${f.count(d.customers)} of the ${f.count(d.n)} customers with an NPS ` +
        `answer this week (n = ${f.count(d.n)}); it accounts for ${importance}${impact}.` +
        (d.customers < MIN_SAMPLE ? ` (${SMALL})` : ''),
    });
  }
  if (section.note) blocks.push({ kind: 'paragraph', text: section.note, muted: true });
  return blocks;
}

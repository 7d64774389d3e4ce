import { DigestBlock } from './digest-blocks';

/** The plain-text part: the same blocks; each chart becomes its alt text. */
export function renderDigestText(
  title: string,
  blocks: DigestBlock[],
  footer: { unsubscribeUrl: string | null; reason: string },
): string {
  const lines = [title, '='.repeat(Math.min(title.length, 72)), ''];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        lines.push('', b.text, '-'.repeat(b.text.length));
        break;
      case 'paragraph':
        lines.push(b.text);
        break;
      case 'metric':
        lines.push(`${b.label}: ${b.value} ${b.change}`.trimEnd(), `  ${b.detail}`);
        if (b.chart) lines.push(`  [${b.chart.alt}]`);
        break;
      case 'chart':
        lines.push(`[${b.chart.alt}]`);
        break;
      case 'list':
        for (const item of b.items) lines.push(`- ${item}`);
        break;
      case 'quote':
        lines.push(`  “${b.text}” (${b.meta})`);
        break;
    }
  }
  lines.push('', '--', footer.reason);
  if (footer.unsubscribeUrl) lines.push(`Unsubscribe: ${footer.unsubscribeUrl}`);
  return `${lines.join('\n')}\n`;
}

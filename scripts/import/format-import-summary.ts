import type { ImportSummary } from './import-feedback';

const number = (n: number) => n.toLocaleString('en-US');

/** The end-of-run report both import and demo print on stdout. */
export function formatImportSummary(summary: ImportSummary): string {
  const total = summary.created + summary.duplicate + summary.rejected;
  const rate = summary.seconds > 0 ? Math.round(total / summary.seconds) : total;
  const width = number(total).length;
  const row = (label: string, n: number) => `  ${label.padEnd(10)} ${number(n).padStart(width)}`;
  const lines = [
    `${number(total)} items in ${summary.seconds.toFixed(1)} s (${number(rate)} items/s)`,
    row('created', summary.created),
    row('duplicate', summary.duplicate),
    row('rejected', summary.rejected),
  ];
  if (summary.withoutExternalId > 0) {
    lines.push(
      `note: ${number(summary.withoutExternalId)} created items have no externalId; importing them again would store them again`,
    );
  }
  return lines.join('\n') + '\n';
}

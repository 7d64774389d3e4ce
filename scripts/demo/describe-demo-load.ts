import type { DemoFeedbackItem } from './generate-demo-feedback';
import { DEMO_DEFAULTS } from './generate-demo-feedback';
import type { DemoArgs } from './parse-demo-args';
import { PLANTED_OUTCOME_EFFECTS } from './generate-demo-outcomes';

/** Counts what the demo generated, while it streams past, for the closing report. */
export class DemoTally {
  readonly byKind = new Map<string, number>();
  first?: string;
  last?: string;

  add(item: DemoFeedbackItem): void {
    this.byKind.set(item.kind, (this.byKind.get(item.kind) ?? 0) + 1);
    if (!this.first || item.occurredAt < this.first) this.first = item.occurredAt;
    if (!this.last || item.occurredAt > this.last) this.last = item.occurredAt;
  }
}

const number = (n: number) => n.toLocaleString('en-US');

/** What was loaded and how to look at it. */
export function describeDemoLoad(args: DemoArgs, tally: DemoTally, start: Date, port: number): string {
  const day = (iso: string | undefined) => (iso ?? '').slice(0, 10);
  const incident = new Date(start.getTime() + (DEMO_DEFAULTS.incidentFromWeek - 1) * 7 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const kinds = [...tally.byKind].map(([kind, n]) => `${kind} ${number(n)}`).join(', ');
  const base = `http://localhost:${port}/api/v1`;
  const lines = [
    `Northwind Outdoor: ${number(args.customers)} customers, ${args.weeks} weeks (${day(tally.first)} to ${day(tally.last)}), seed ${args.seed}`,
    `  ${kinds}`,
  ];
  if (args.weeks >= DEMO_DEFAULTS.incidentFromWeek) {
    lines.push(
      `Planted problem: from ${incident} (week ${DEMO_DEFAULTS.incidentFromWeek}) checkout payments fail and checkout scores collapse.`,
    );
    lines.push(
      `Planted outcomes (docs/outcomes.md): negative checkout feedback doubles churn, promoters refer 3x as often, ${PLANTED_OUTCOME_EFFECTS.trustSegment} retention falls from week ${DEMO_DEFAULTS.incidentFromWeek}.`,
    );
  }
  const weekAfter = new Date(Date.parse(incident) + 7 * 86_400_000).toISOString().slice(0, 10);
  const planted = args.weeks >= DEMO_DEFAULTS.incidentFromWeek;
  lines.push(
    '',
    'Look at it:',
    '  npx hearken serve              # if the server is not running; it analyses the new feedback in the background',
    '  KEY=$(npx hearken api-key create --name demo --scopes read)',
    planted
      ? `  curl -H "Authorization: Bearer $KEY" "${base}/feedback?touchpoint=checkout&from=${incident}"`
      : `  curl -H "Authorization: Bearer $KEY" "${base}/feedback?touchpoint=checkout&limit=5"`,
    `  curl -H "Authorization: Bearer $KEY" "${base}/feedback?kind=call_note&limit=5"`,
    '  # emerging themes are an admin call: the ADMIN_API_KEY the server was started with (docs/first-hour.md)',
    planted
      ? `  curl -H "Authorization: Bearer $ADMIN_API_KEY" "${base}/topics/suggestions?from=${incident}&to=${weekAfter}"`
      : `  curl -H "Authorization: Bearer $ADMIN_API_KEY" "${base}/topics/suggestions"`,
    `  curl -H "Authorization: Bearer $KEY" "${base}/outcomes?event=churned&limit=5"`,
    `  open http://localhost:${port}/docs for the whole API`,
  );
  return lines.join('\n') + '\n';
}

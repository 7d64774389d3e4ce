import { PassThrough } from 'node:stream';
import { validateFeedbackInput } from '../../src/modules/feedback/validation/validate-feedback-input';
import { CHANNELS, FEEDBACK_KINDS, JOURNEY_STAGES } from '../../src/modules/feedback/dto/feedback-enums';
import { TOUCHPOINTS } from './demo-company';
import { defaultDemoStart, DemoFeedbackItem, generateDemoFeedback } from './generate-demo-feedback';
import { parseArgs, writeDemoData } from './generate-demo-data';

const start = new Date('2026-01-05T00:00:00Z');
const options = { customers: 600, weeks: 26, seed: 7, start };
const items: DemoFeedbackItem[] = [...generateDemoFeedback(options)];
const afterEnd = start.getTime() + 27 * 7 * 24 * 3600 * 1000;
const week = (item: DemoFeedbackItem) => (item.metadata as { week: number }).week;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe('generateDemoFeedback', () => {
  it('produces a realistic volume of valid items', () => {
    expect(items.length).toBeGreaterThan(2_000);
    const invalid = items
      .map((item) => ({ item, result: validateFeedbackInput(item, { now: afterEnd }) }))
      .filter(({ result }) => !result.ok);
    expect(invalid.slice(0, 3)).toEqual([]);
  });

  it('is deterministic by seed', () => {
    const again = [...generateDemoFeedback(options)];
    expect(JSON.stringify(again)).toBe(JSON.stringify(items));
    const other = [...generateDemoFeedback({ ...options, seed: 8 })];
    expect(JSON.stringify(other.slice(0, 50))).not.toBe(JSON.stringify(items.slice(0, 50)));
  });

  it('covers every kind, channel, journey stage and touchpoint, inside the period', () => {
    expect(new Set(items.map((item) => item.kind))).toEqual(new Set(FEEDBACK_KINDS));
    expect(new Set(items.map((item) => item.channel))).toEqual(new Set(CHANNELS));
    expect(new Set(items.map((item) => item.journeyStage))).toEqual(new Set(JOURNEY_STAGES));
    expect(new Set(items.map((item) => item.touchpoint))).toEqual(new Set(Object.keys(TOUCHPOINTS)));
    const times = items.map((item) => Date.parse(item.occurredAt));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(start.getTime());
    expect(Math.max(...times)).toBeLessThan(start.getTime() + 26 * 7 * 24 * 3600 * 1000 + 24 * 3600 * 1000);
  });

  it('has customers who write through several channels', () => {
    const channelsByEmail = new Map<string, Set<string>>();
    for (const item of items) {
      const email = (item.customer as { email?: string } | undefined)?.email;
      if (email)
        channelsByEmail.set(
          email,
          (channelsByEmail.get(email) ?? new Set<string>()).add(String(item.channel)),
        );
    }
    const multi = [...channelsByEmail.values()].filter((channels) => channels.size >= 2).length;
    expect(multi / channelsByEmail.size).toBeGreaterThan(0.2);
  });

  it('keeps scores consistent with the text', () => {
    const reviews = items.filter((item) => item.kind === 'review' && typeof item.text === 'string');
    const happyWords = /Really happy|Five stars|Honestly impressed|Will definitely order again/;
    const angryWords = /Very disappointed|Terrible\.|Never again|Not happy at all/;
    expect(reviews.filter((r) => (r.rating as number) <= 2 && happyWords.test(r.text as string))).toEqual([]);
    expect(reviews.filter((r) => (r.rating as number) >= 4 && angryWords.test(r.text as string))).toEqual([]);
  });

  it('plants the checkout problem from week 18', () => {
    const checkout = items.filter((item) => item.touchpoint === 'checkout');
    const before = checkout.filter((item) => week(item) < 18);
    const after = checkout.filter((item) => week(item) >= 18);
    const paymentTrouble = (list: DemoFeedbackItem[]) =>
      list.filter((item) =>
        /payment|pay button|checkout error|error at checkout|declined|failed/i.test(String(item.text)),
      ).length / list.length;
    expect(paymentTrouble(before)).toBeLessThan(0.05);
    expect(paymentTrouble(after)).toBeGreaterThan(0.4);
    const nps = (list: DemoFeedbackItem[]) =>
      mean(list.filter((i) => i.npsScore !== undefined).map((i) => i.npsScore as number));
    expect(nps(before) - nps(after)).toBeGreaterThan(2.5);
    // Other touchpoints stay as they were.
    const delivery = items.filter((item) => item.touchpoint === 'delivery');
    const rating = (list: DemoFeedbackItem[]) =>
      mean(list.filter((i) => i.rating !== undefined).map((i) => i.rating as number));
    expect(
      Math.abs(rating(delivery.filter((i) => week(i) < 18)) - rating(delivery.filter((i) => week(i) >= 18))),
    ).toBeLessThan(0.5);
  });

  it('defaults the start so the last full week ends on the current Monday', () => {
    const now = Date.UTC(2026, 10, 22, 15); // a Sunday
    expect(defaultDemoStart(26, now).toISOString()).toBe('2026-05-18T00:00:00.000Z');
  });
});

describe('generate-demo-data CLI', () => {
  it('parses options and rejects bad ones', () => {
    expect(
      parseArgs([
        '--customers',
        '10',
        '--weeks',
        '3',
        '--seed',
        '5',
        '--start',
        '2026-01-05',
        '--out',
        'x.ndjson',
      ]),
    ).toEqual({
      customers: 10,
      weeks: 3,
      seed: 5,
      start: new Date('2026-01-05T00:00:00Z'),
      out: 'x.ndjson',
      help: false,
    });
    expect(parseArgs(['--help']).help).toBe(true);
    expect(() => parseArgs(['--customers', '-3'])).toThrow(/positive integer/);
    expect(() => parseArgs(['--start', '05/01/2026'])).toThrow(/YYYY-MM-DD/);
    expect(() => parseArgs(['--bogus'])).toThrow(/unknown option/);
  });

  it('writes one JSON object per line', async () => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const rows = await writeDemoData({ customers: 200, weeks: 4, seed: 1, start }, output);
    output.end();
    const lines = Buffer.concat(chunks).toString('utf8').trim().split('\n');
    expect(lines).toHaveLength(rows);
    expect(rows).toBeGreaterThan(50);
    expect(JSON.parse(lines[0])).toMatchObject({ externalId: 'demo-1-1' });
  });
});

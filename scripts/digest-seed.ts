import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { ApiKeysService } from '../src/modules/api-keys/api-keys.service';
import { addWeeks, IsoWeek, isoWeekAt, mondayOf } from '../src/modules/digest/time/iso-week';

const TEXTS = [
  'The checkout kept failing and nobody answered my emails.',
  'Delivery was late and the box was damaged.',
  'Love the new app, quick and easy.',
  'The agent was friendly and fixed it at once, thank you!',
  'Prices went up again, I am thinking of leaving.',
  'Billing charged me twice this month.',
  'Great support, really helpful and kind.',
];
const CHANNELS = ['web', 'email', 'chat', 'phone', 'app'];

/**
 * Synthetic survey answers spread over the `weeks` weeks up to last week, through the batch API (so analysis
 * and rollups run as in production); waits until every item is analysed. Returns last week.
 */
export async function seedFeedback(
  app: NestFastifyApplication,
  items: number,
  weeks: number,
): Promise<IsoWeek> {
  const key = (await app.get(ApiKeysService).create('digest-seed', ['ingest'])).key;
  const lastWeek = addWeeks(isoWeekAt(new Date(), 'UTC'), -1);
  const start = mondayOf(addWeeks(lastWeek, 1 - weeks)).getTime();
  const span = mondayOf(addWeeks(lastWeek, 1)).getTime() - start;
  for (let i = 0; i < items; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, items - i) }, (_, j) => {
      const n = i + j;
      return {
        kind: 'survey_response',
        source: 'bench',
        externalId: `b-${n}`,
        channel: CHANNELS[n % CHANNELS.length],
        touchpoint: n % 3 === 0 ? 'checkout' : 'delivery',
        npsScore: (n * 7) % 11,
        // Identified customers, so the digest's top driver of NPS has customers to work on.
        customer: { externalId: `c-${n % 5000}` },
        text: TEXTS[n % TEXTS.length],
        occurredAt: new Date(start + ((n * 9_973_331) % span)).toISOString(),
      };
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/feedback/batch',
      headers: { authorization: `Bearer ${key}` },
      payload: { items: batch },
    });
    if (res.statusCode !== 202) throw new Error(`ingest: ${res.statusCode} ${res.body.slice(0, 200)}`);
  }
  const db = app.get(DataSource);
  for (;;) {
    const [{ n }] = await db.query(`SELECT COUNT(*) AS n FROM feedback WHERE analysis_status = 'pending'`);
    if (Number(n) === 0) return lastWeek;
    await new Promise((r) => setTimeout(r, 250));
  }
}

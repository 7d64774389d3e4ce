import type { INestApplicationContext } from '@nestjs/common';
import { createWorkerContext } from '../../src/bootstrap';
import { AppConfig } from '../../src/config/app-config';
import { createPino } from '../../src/core/logging/create-pino';
import {
  suggestionWindow,
  TopicSuggestionsService,
} from '../../src/modules/analysis/topic-suggestions.service';
import { FeedbackEntity } from '../../src/modules/feedback/entities/feedback.entity';
import { DataSource } from 'typeorm';
import { runCliScript } from '../helpers/run-cli-script';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-database';
import { TEST_TARGET } from '../helpers/test-target';

jest.setTimeout(120_000);

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * The demo's planted problem (checkout payments fail from week 18) must be the first emerging theme of its
 * first week. The demo's default customers and seed, cut at week 18: its first 18 weeks are the same texts as
 * `npm run demo`'s (the generator's random stream runs week by week).
 */
describe(`emerging themes of the demo (${TEST_TARGET})`, () => {
  let env: TestEnvironment;
  let app: INestApplicationContext | undefined;
  beforeAll(async () => {
    env = await createTestEnvironment(TEST_TARGET);
    await env.migrate();
  });
  afterAll(async () => {
    await app?.close();
    await env?.cleanup();
  });

  it('puts the planted checkout failures first in week 18, against the four weeks before', async () => {
    const demo = await runCliScript('dist/scripts/demo.js', env, ['--weeks', '18']);
    expect(demo.code).toBe(0);
    const incident = /Planted problem: from (\d{4}-\d{2}-\d{2}) \(week 18\)/.exec(demo.stdout)?.[1];
    expect(incident).toBeDefined();
    const from = new Date(`${incident}T00:00:00Z`);

    app = await createWorkerContext(Object.assign(new AppConfig(), env.config, { role: 'cli' }), {
      pino: createPino('silent'),
    });
    await app.init();
    const answer = await app
      .get(TopicSuggestionsService)
      .suggest(suggestionWindow(from, new Date(from.getTime() + WEEK_MS)));
    expect(answer.recentTexts).toBeGreaterThan(200);
    expect(answer.baselineTexts).toBeGreaterThan(3 * answer.recentTexts);
    const [first] = answer.suggestions;
    expect(first.pValue).toBeLessThan(1e-4);
    expect(first.liftLowerBound).toBeGreaterThan(3);
    // Its texts are the planted ones: checkout feedback of week 18.
    const examples = await app
      .get(DataSource)
      .getRepository(FeedbackEntity)
      .findBy(first.exampleIds.map((id) => ({ id })));
    expect(examples).toHaveLength(first.exampleIds.length);
    for (const item of examples) {
      expect(item.touchpoint).toBe('checkout');
      expect((item.details?.metadata as { week?: number } | undefined)?.week).toBe(18);
    }
    // Names of products, numbers and hashtags, the old top three, are no themes at all.
    const phrases = answer.suggestions.map((s) => s.phrase).join(' | ');
    expect(phrases).not.toMatch(/ridge|trail runners|#|\bfive\b/);
  });
});

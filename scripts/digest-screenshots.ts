import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/load-config';
import { createPino } from '../src/core/logging/create-pino';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { DigestService } from '../src/modules/digest/digest.service';
import { inlineChartsAsDataUris } from '../src/modules/digest/email/digest-email.builder';
import { formatIsoWeek } from '../src/modules/digest/time/iso-week';
import { seedFeedback } from './digest-seed';

const HELP = `Usage: npm run screenshots:digest -- [--chromium /usr/bin/chromium] [--out docs]

Seeds a fresh embedded install with 3,000 synthetic answers over 12 weeks, builds last week's digest and
saves screenshots of the email taken with headless Chromium: desktop light, desktop dark (prefers-color-scheme)
and a 375 px phone: <out>/digest-light.png, digest-dark.png, digest-mobile.png.`;

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void console.log(HELP);
  const dir = mkdtempSync(join(tmpdir(), 'hearken-digest-shots-'));
  const config = loadConfig({}, { databaseUrl: `sqlite:${join(dir, 'h.sqlite')}`, logLevel: 'silent' });
  const ds = await new DataSource(await buildDataSourceOptions(config)).initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  const app = await createHttpApp(config, { pino: createPino('silent') });
  await app.init();
  const browser = await chromium.launch({
    executablePath: arg('chromium', '/usr/bin/chromium'),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const week = formatIsoWeek(await seedFeedback(app, 3_000, 12));
    const html = inlineChartsAsDataUris((await app.get(DigestService).build(week, null)).email);
    const out = arg('out', 'docs');
    writeFileSync(join(dir, 'digest.html'), html);
    for (const [name, width, colorScheme] of [
      ['light', 680, 'light'],
      ['dark', 680, 'dark'],
      ['mobile', 375, 'light'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
      await page.setContent(html, { waitUntil: 'load' });
      await page.screenshot({ path: join(out, `digest-${name}.png`), fullPage: true });
      await page.close();
      console.log(`${out}/digest-${name}.png`);
    }
  } finally {
    await browser.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AnalysisRepository } from '../../src/modules/analysis/analysis.repository';
import { TopicSuggestionsService } from '../../src/modules/analysis/topic-suggestions.service';
import { AnomaliesService } from '../../src/modules/anomalies/anomalies.service';
import { DigestContentRepository } from '../../src/modules/digest/content/digest-content.repository';
import { InsightsDigestContentSource } from '../../src/modules/digest/content/insights-digest-content.source';
import {
  DIGEST_CONTENT_SOURCE,
  DigestContentSource,
} from '../../src/modules/digest/content/digest-content.types';
import { DigestService } from '../../src/modules/digest/digest.service';
import { DigestWeekPartsService } from '../../src/modules/digest/precompute/digest-week-parts.service';
import { BOOTSTRAP_REPLICATES, DriversService } from '../../src/modules/drivers/drivers.service';
import { DIGEST_DRIVER_REPLICATES } from '../../src/modules/digest/content/digest-driver.reader';
import { parseIsoWeek, weekRange } from '../../src/modules/digest/time/iso-week';
import { FeedbackService } from '../../src/modules/feedback/feedback.service';
import { ExplainService } from '../../src/modules/indices/explain.service';
import { IndexSourcesRepository } from '../../src/modules/indices/index-sources.repository';
import { IndicesService } from '../../src/modules/indices/indices.service';
import { PainPointsService } from '../../src/modules/pain-points/pain-points.service';
import { RollupQueryRepository } from '../../src/modules/rollups/query/rollup-query.repository';
import { VerbatimsService } from '../../src/modules/verbatims/verbatims.service';
import * as charts from '../../src/modules/digest/charts/digest-charts';
import * as emailBuilder from '../../src/modules/digest/email/digest-email.builder';
import * as htmlTemplate from '../../src/modules/digest/email/digest-html.template';
import { MethodProfile } from './method-profile';

export interface BuildTimes {
  /** The first build (cold caches: the database's and the process's). */
  first: number;
  /** Of the first build, the content (every read); the rest is the email (charts, MJML, text). */
  firstContent: number;
  /** The same split for the median build. */
  medianContent: number;
  median: number;
  min: number;
  max: number;
  charts: number;
}

/** Times `runs` builds of one digest (everyone's view: UTC, no slice), content + charts + MJML. */
export async function timeBuilds(
  app: NestFastifyApplication,
  week: string,
  runs = 5,
  afterBuild: (run: number) => void = () => undefined,
): Promise<BuildTimes> {
  const digests = app.get(DigestService);
  // The content source the digest service holds, timed in place for the split (put back afterwards).
  const source = app.get<DigestContentSource>(DIGEST_CONTENT_SOURCE);
  const build = source.build;
  let contentMs = 0;
  source.build = async (request) => {
    const t0 = performance.now();
    try {
      return await build.call(source, request);
    } finally {
      contentMs = performance.now() - t0;
    }
  };
  const times: { total: number; content: number }[] = [];
  let charts = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const built = await digests.build(week, null);
      times.push({ total: performance.now() - t0, content: contentMs });
      charts = built.email.charts.length;
      afterBuild(i);
    }
  } finally {
    source.build = build;
  }
  const sorted = [...times].sort((a, b) => a.total - b.total).map((t) => t.total);
  const median = [...times].sort((a, b) => a.total - b.total)[Math.floor(times.length / 2)];
  return {
    first: times[0].total,
    firstContent: times[0].content,
    medianContent: median.content,
    median: median.total,
    min: sorted[0],
    max: sorted[sorted.length - 1],
    charts,
  };
}

/**
 * One more build with the services and repositories the digest reads through wrapped: which calls take the
 * time (the content source's own total, each service, and the SQL-level repositories under them).
 */
export function digestProfile(): MethodProfile {
  return new MethodProfile()
    .wrap('content', InsightsDigestContentSource.prototype, ['build'])
    .wrap('RollupQueryRepository', RollupQueryRepository.prototype, ['sums', 'sliceSums'])
    .wrap('IndicesService', IndicesService.prototype, ['series'])
    .wrap('IndexSourcesRepository', IndexSourcesRepository.prototype, ['customerItems', 'outcomes'])
    .wrap('ExplainService', ExplainService.prototype, ['explain'])
    .wrap('PainPointsService', PainPointsService.prototype, ['painPoints'])
    .wrap('VerbatimsService', VerbatimsService.prototype, ['examples'])
    .wrap('DriversService', DriversService.prototype, ['drivers'])
    .wrap('AnomaliesService', AnomaliesService.prototype, ['list'])
    .wrap('DigestWeekPartsService', DigestWeekPartsService.prototype, ['get'])
    .wrap('TopicSuggestionsService', TopicSuggestionsService.prototype, ['suggest'])
    .wrap('FeedbackService', FeedbackService.prototype, ['findTexts'])
    .wrap('AnalysisRepository', AnalysisRepository.prototype, ['topicsOf'])
    .wrap('DigestContentRepository', DigestContentRepository.prototype, ['verbatims'])
    .wrap('email', emailBuilder, ['buildDigestEmail'])
    .wrap('email', htmlTemplate, ['renderDigestHtml'])
    .wrapSync('charts', charts, ['sparkline', 'barChart']);
}

/** One more build, profiled (see digestProfile). */
export async function profileBuild(
  app: NestFastifyApplication,
  week: string,
  profile: MethodProfile,
): Promise<string> {
  profile.reset();
  const t0 = performance.now();
  await app.get(DigestService).build(week, null);
  const wall = performance.now() - t0;
  return `profiled build: ${wall.toFixed(0)} ms wall\n\n${profile.table()}\n`;
}

/**
 * The digest's top driver with its 50 bootstrap replicates against the API's 200: the time of each and the
 * importance interval each gives (the rest of the answer does not depend on the replicates).
 */
export async function compareDriverReplicates(app: NestFastifyApplication, week: string): Promise<string> {
  const range = weekRange(parseIsoWeek(week)!, 'UTC');
  const lines: string[] = [];
  for (const replicates of [BOOTSTRAP_REPLICATES, DIGEST_DRIVER_REPLICATES]) {
    const t0 = performance.now();
    const answer = await app.get(DriversService).drivers('nps', range, { replicates });
    const ms = performance.now() - t0;
    const top = answer.drivers[0];
    const ci = top?.importanceCi;
    lines.push(
      `drivers (nps, ${week}) with ${replicates} replicates: ${ms.toFixed(0)} ms; n = ${answer.n}; ` +
        (top
          ? `top ${top.topic}, importance ${top.importance.toFixed(3)} [${ci?.low.toFixed(3)}, ${ci?.high.toFixed(3)}]`
          : 'no driver'),
    );
  }
  return lines.join('\n');
}

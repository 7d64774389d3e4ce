import { Injectable } from '@nestjs/common';
import { PainPointDto } from '../../pain-points/dto/pain-points-response.dto';
import { PainPointsService } from '../../pain-points/pain-points.service';
import { QueryFilters, TimeRange } from '../../rollups/query/insights-query.types';
import { DigestSection, PainPoint } from './digest-content.types';

/**
 * GET /api/v1/pain-points?limit=3 (its other defaults: 2 examples, n ≥ 30): the same ranking, the top three of
 * each dimension. Each row shown costs the service a topic breakdown and an examples query, so three (enough
 * for a two-minute read) instead of the API's default five keeps the build cheaper at a million items.
 */
const OPTIONS = { limit: 3, examples: 2, minSample: 30 };

/**
 * "What hurt customers most" is GET /api/v1/pain-points for the reader's week and slice: touchpoints and journey
 * stages ranked by impact, read from PainPointsService (one definition). Groups with no negatives beyond the
 * overall rate (impact ≤ 0) did not hurt more than the rest and are left out of the email.
 */
@Injectable()
export class DigestPainPointsReader {
  constructor(private readonly painPoints: PainPointsService) {}

  async read(
    range: TimeRange,
    filters: QueryFilters,
  ): Promise<{ section: DigestSection<PainPoint>; overallNegativeShare: number | null }> {
    const answer = await this.painPoints.painPoints({ range, filters }, OPTIONS);
    const items = [
      ...answer.touchpoints.map((p) => toPainPoint('touchpoint', p)),
      ...answer.journeyStages.map((p) => toPainPoint('journeyStage', p)),
    ].filter((p) => p.value > 0);
    return {
      section: { available: true, items },
      overallNegativeShare: answer.overall.negativeShare,
    };
  }
}

function toPainPoint(dimension: PainPoint['dimension'], p: PainPointDto): PainPoint {
  return {
    dimension,
    label: p.value,
    value: p.impact,
    n: p.volume,
    scored: p.scored,
    negativeShare: p.negativeShare,
    lowSample: p.lowSample,
    topTopic: p.topNegativeTopics[0]?.topic ?? null,
    // Each wording once: a copy-pasted complaint is one example.
    verbatims: [...new Set(p.examples.map((e) => e.text).filter((t): t is string => !!t))],
  };
}

import { Injectable } from '@nestjs/common';
import { PainPointDto } from '../../pain-points/dto/pain-points-response.dto';
import { PainPointsService } from '../../pain-points/pain-points.service';
import { QueryFilters, TimeRange } from '../../rollups/query/insights-query.types';
import { DigestSection, PainPoint } from './digest-content.types';

/** The same options GET /api/v1/pain-points defaults to (limit 5, 2 examples, n ≥ 30). */
const OPTIONS = { limit: 5, examples: 2, minSample: 30 };

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
    verbatims: p.examples.map((e) => e.text).filter((t): t is string => !!t),
  };
}

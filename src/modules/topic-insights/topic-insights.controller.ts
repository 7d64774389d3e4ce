import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CsvExport } from '../../core/http/csv/csv-export.decorator';
import { RequireScope } from '../api-keys/auth.decorators';
import { parseBaseline } from '../insights/trends-query.parser';
import { asValidation, parseScope } from '../pain-points/analytics-scope.parser';
import { TopicInsightsQuery } from './dto/topic-insights.query';
import { TopicInsightDto, TopicInsightsResponseDto } from './dto/topic-insights-response.dto';
import { TopicInsightsService } from './topic-insights.service';

type Row = TopicInsightDto & { list: string; rank: number };

@ApiTags('analytics')
@ApiBearerAuth()
@RequireScope('read')
@Controller('api/v1/topic-insights')
export class TopicInsightsController {
  constructor(private readonly topics: TopicInsightsService) {}

  @Get()
  @ApiOperation({
    summary: 'Top topics of a period by volume, negativity and change (movers, with significance)',
    description:
      'Each topic with its sentiment, negative share, the NPS of the answers that raised it, its change against ' +
      'the baseline (default: the period of the same length before) with p- and Benjamini–Hochberg q-values, and examples.',
  })
  @ApiOkResponse({ type: TopicInsightsResponseDto })
  @ApiBadRequestResponse({ description: 'Unknown filter value, bad dates or zone: field and reason' })
  @CsvExport<TopicInsightsResponseDto, Row>({
    filename: 'topic-insights',
    rows: (body) =>
      (['byVolume', 'byNegativity', 'movers'] as const).flatMap((list) =>
        body[list].map((t, i) => ({ ...t, list, rank: i + 1 })),
      ),
    columns: [
      { header: 'list', value: (r) => r.list },
      { header: 'rank', value: (r) => r.rank },
      { header: 'topic', value: (r) => r.topic },
      { header: 'volume', value: (r) => r.volume },
      { header: 'share', value: (r) => r.share },
      { header: 'shareLow', value: (r) => r.shareCi?.low ?? null },
      { header: 'shareHigh', value: (r) => r.shareCi?.high ?? null },
      { header: 'sentiment', value: (r) => r.sentiment.value },
      { header: 'negativeShare', value: (r) => r.negativeShare.value },
      { header: 'nps', value: (r) => r.nps.value },
      { header: 'npsN', value: (r) => r.nps.n },
      { header: 'shareDifference', value: (r) => r.shareChange.difference },
      { header: 'shareQ', value: (r) => r.shareChange.qValue },
      { header: 'negativeShareDifference', value: (r) => r.negativeShareChange.difference },
      { header: 'negativeShareQ', value: (r) => r.negativeShareChange.qValue },
      { header: 'significant', value: (r) => r.significant },
      { header: 'examples', value: (r) => r.examples.map((e) => e.text ?? '').join(' | ') },
    ],
  })
  list(@Query() q: TopicInsightsQuery): Promise<TopicInsightsResponseDto> {
    const scope = parseScope(q, 7);
    const { from, to } = scope.range;
    // Default baseline: the 4 periods of the same length before (a month before a week): a steadier reference
    // than one period, and more power to call a change.
    const defaultFrom = new Date(from.getTime() - 4 * (to.getTime() - from.getTime())).toISOString();
    const defaults = q.compareFrom || q.compareTo ? {} : { from: defaultFrom, to: from.toISOString() };
    const baseline = asValidation(() =>
      parseBaseline(q.compareFrom ?? defaults.from, q.compareTo ?? defaults.to, scope.range),
    );
    return this.topics.summarise(scope, {
      baseline,
      limit: q.limit ?? 10,
      examples: q.examples ?? 2,
      minSample: q.minSample ?? 30,
    });
  }
}

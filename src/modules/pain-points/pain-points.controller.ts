import { Controller, Get, Query } from '@nestjs/common';
import { DateTime } from 'luxon';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CsvExport } from '../../core/http/csv/csv-export.decorator';
import { RequireScope } from '../api-keys/auth.decorators';
import { parseInstant } from '../insights/trends-query.parser';
import { InsightsQueryError } from '../rollups/query/insights-query.types';
import { asValidation, parseScope } from './analytics-scope.parser';
import { CrossChannelService } from './cross-channel.service';
import { AnalyticsScopeQuery } from './dto/analytics-scope.query';
import { CrossChannelQuery } from './dto/cross-channel.query';
import {
  CrossChannelResponseDto,
  CrossChannelTopicDto,
  PainPointDto,
  PainPointsResponseDto,
} from './dto/pain-points-response.dto';
import { PainPointsService } from './pain-points.service';

type PainPointRow = PainPointDto & { dimension: string };

@ApiTags('analytics')
@ApiBearerAuth()
@RequireScope('read')
@Controller('api/v1/pain-points')
export class PainPointsController {
  constructor(
    private readonly painPoints: PainPointsService,
    private readonly crossChannel: CrossChannelService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Touchpoints and journey stages ranked by impact, with their top negative topics and examples',
    description:
      'impact = (negative share − overall negative share) × volume, over the range and filters; largest first.',
  })
  @ApiOkResponse({ type: PainPointsResponseDto })
  @ApiBadRequestResponse({ description: 'Unknown filter value, bad dates or zone: field and reason' })
  @CsvExport<PainPointsResponseDto, PainPointRow>({
    filename: 'pain-points',
    rows: (body) => [
      ...body.touchpoints.map((p) => ({ ...p, dimension: 'touchpoint' })),
      ...body.journeyStages.map((p) => ({ ...p, dimension: 'journeyStage' })),
    ],
    columns: [
      { header: 'dimension', value: (r) => r.dimension },
      { header: 'value', value: (r) => r.value },
      { header: 'impact', value: (r) => r.impact },
      { header: 'volume', value: (r) => r.volume },
      { header: 'scored', value: (r) => r.scored },
      { header: 'negativeShare', value: (r) => r.negativeShare },
      { header: 'ciLow', value: (r) => r.ci?.low },
      { header: 'ciHigh', value: (r) => r.ci?.high },
      { header: 'lowSample', value: (r) => r.lowSample },
      {
        header: 'topNegativeTopics',
        value: (r) => r.topNegativeTopics.map((t) => `${t.topic}:${t.negatives}`),
      },
      { header: 'examples', value: (r) => r.examples.map((e) => e.text ?? '').join(' | ') },
    ],
  })
  list(@Query() q: AnalyticsScopeQuery): Promise<PainPointsResponseDto> {
    const scope = parseScope(q);
    return this.painPoints.painPoints(scope, {
      limit: q.limit ?? 5,
      examples: q.examples ?? 2,
      minSample: q.minSample ?? 30,
    });
  }

  @Get('cross-channel')
  @ApiOperation({
    summary: 'Customers who complained about the same topic in two or more channels within a window',
    description:
      'A complaint is a negative mention of the topic. Per topic: customers, channel pairs, channels.',
  })
  @ApiOkResponse({ type: CrossChannelResponseDto })
  @CsvExport<CrossChannelResponseDto, CrossChannelTopicDto>({
    filename: 'cross-channel-pain-points',
    rows: (body) => body.topics,
    columns: [
      { header: 'topic', value: (t) => t.topic },
      { header: 'customers', value: (t) => t.customers },
      {
        header: 'channelPairs',
        value: (t) => t.channelPairs.map((p) => `${p.channels.join('+')}:${p.customers}`),
      },
      { header: 'channels', value: (t) => Object.entries(t.channels).map(([c, n]) => `${c}:${n}`) },
    ],
  })
  crossChannelPainPoints(@Query() q: CrossChannelQuery): Promise<CrossChannelResponseDto> {
    const { to, topics } = asValidation(() => {
      const end = q.to
        ? parseInstant('to', q.to, 'UTC')
        : DateTime.utc().startOf('day').plus({ days: 1 }).toJSDate();
      const list = q.topic?.split(',').map((t) => t.trim());
      if (list && (list.some((t) => !t || t.length > 64) || list.length > 100))
        throw new InsightsQueryError('topic', 'must be up to 100 comma-separated topic keys');
      return { to: end, topics: list };
    });
    return this.crossChannel.find(to, q.windowDays ?? 30, topics, q.limit ?? 20);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationFailedException } from '../../core/http/app.exception';
import { CsvExport } from '../../core/http/csv/csv-export.decorator';
import { RequireScope } from '../api-keys/auth.decorators';
import { InsightsQueryService } from '../rollups/query/insights-query.service';
import { InsightsQueryError, QueryDimension } from '../rollups/query/insights-query.types';
import { MetricName } from '../rollups/query/metric-registry';
import { CompareResponseDto, TrendsResponseDto } from './dto/trends-response.dto';
import { COMPARE_EXAMPLE, TRENDS_EXAMPLE } from './dto/trends.examples';
import { CompareTrendsQuery, TrendsQuery } from './dto/trends.query';
import { COMPARE_CSV, TRENDS_CSV } from './trends.csv';
import { parseBaseline, parseFilters, parseRange, parseSeriesScope, parseZone } from './trends-query.parser';

/** A bad query is the caller's: 400 with the field and the reason. */
async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InsightsQueryError)
      throw new ValidationFailedException([{ field: error.field, reason: error.reason }]);
    throw error;
  }
}

@ApiTags('analytics')
@ApiBearerAuth()
@RequireScope('read')
@Controller('api/v1/trends')
export class TrendsController {
  constructor(private readonly insights: InsightsQueryService) {}

  @Get()
  @ApiOperation({
    summary: 'A metric per day, ISO week, month or quarter, optionally per group, with 95 % intervals',
  })
  @ApiOkResponse({ type: TrendsResponseDto, example: TRENDS_EXAMPLE })
  @ApiBadRequestResponse({
    description: 'Unknown metric, dimension or value, bad dates or zone, too many points',
  })
  @CsvExport(TRENDS_CSV)
  trends(@Query() q: TrendsQuery): Promise<TrendsResponseDto> {
    return answering(() => this.insights.series({ metric: q.metric as MetricName, ...parseSeriesScope(q) }));
  }

  @Get('compare')
  @ApiOperation({
    summary: 'A metric over a range against a baseline range, per group: change, interval, p and q values',
  })
  @ApiOkResponse({ type: CompareResponseDto, example: COMPARE_EXAMPLE })
  @ApiBadRequestResponse({ description: 'Unknown metric, dimension or value, bad dates or zone' })
  @CsvExport(COMPARE_CSV)
  compare(@Query() q: CompareTrendsQuery): Promise<CompareResponseDto> {
    return answering(() => {
      const zone = parseZone(q.timezone);
      const current = parseRange(q.from, q.to, zone);
      const baseline = parseBaseline(q.compareFrom, q.compareTo, current);
      return this.insights.compare({
        metric: q.metric as MetricName,
        current,
        baseline,
        filters: parseFilters(q),
        groupBy: q.groupBy as QueryDimension | undefined,
        minSample: q.minSample,
      });
    });
  }
}

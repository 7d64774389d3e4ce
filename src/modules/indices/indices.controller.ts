import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationFailedException } from '../../core/http/app.exception';
import { CsvExport } from '../../core/http/csv/csv-export.decorator';
import { RequireScope } from '../api-keys/auth.decorators';
import { InsightsFiltersQuery } from '../insights/dto/trends.query';
import {
  parseBaseline,
  parseFilters,
  parseRange,
  parseSeriesScope,
  parseZone,
} from '../insights/trends-query.parser';
import { InsightsQueryError, QueryDimension } from '../rollups/query/insights-query.types';
import {
  ExplainResponseDto,
  IndexDefinitionsResponseDto,
  IndicesResponseDto,
} from './dto/indices-response.dto';
import { ExplainQueryDto, IndicesQueryDto, PutWeightsDto } from './dto/indices.query';
import { ExplainMetric, ExplainService } from './explain.service';
import { IndexDefinitions, IndexDefinitionsService } from './index-definitions.service';
import { INDICES_CSV } from './indices-csv';
import { IndicesResult, IndicesService } from './indices.service';

async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InsightsQueryError)
      throw new ValidationFailedException([{ field: error.field, reason: error.reason }]);
    throw error;
  }
}

const filtersOf = (q: object) => parseFilters(q as InsightsFiltersQuery);

@ApiTags('analytics')
@ApiBearerAuth()
@Controller('api/v1/indices')
export class IndicesController {
  constructor(
    private readonly indices: IndicesService,
    private readonly definitions: IndexDefinitionsService,
    private readonly explainer: ExplainService,
  ) {}

  @Get()
  @RequireScope('read')
  @CsvExport(INDICES_CSV)
  @ApiOperation({
    summary:
      'Satisfaction, advocacy and trust (0–100) per period and group, with components, n, 95 % intervals',
  })
  @ApiOkResponse({ type: IndicesResponseDto })
  @ApiBadRequestResponse({ description: 'Unknown dimension or value, bad dates or zone, too many points' })
  list(@Query() q: IndicesQueryDto): Promise<IndicesResult> {
    return answering(() => this.indices.series(parseSeriesScope(q)));
  }

  @Get('definitions')
  @RequireScope('read')
  @ApiOperation({ summary: 'The index definitions: formulas, rescaling, weights in force, their version' })
  @ApiOkResponse({ type: IndexDefinitionsResponseDto })
  getDefinitions(): Promise<IndexDefinitions> {
    return this.definitions.current();
  }

  @Put('definitions')
  @RequireScope('admin')
  @ApiOperation({ summary: 'Change index weights (a new version; applies to history at once)' })
  @ApiOkResponse({ type: IndexDefinitionsResponseDto })
  @ApiBadRequestResponse({
    description: 'Unknown index or component, negative weight, weights summing to zero',
  })
  putDefinitions(@Body() body: PutWeightsDto): Promise<IndexDefinitions> {
    return this.definitions.update(body);
  }

  @Get('explain')
  @RequireScope('read')
  @ApiOperation({
    summary:
      'Why a number moved: the change split into mix and rate per group and in total (they add up exactly)',
  })
  @ApiOkResponse({ type: ExplainResponseDto })
  @ApiBadRequestResponse({ description: 'Unknown metric or dimension, bad dates, no data in a period' })
  explain(@Query() q: ExplainQueryDto): Promise<ExplainResponseDto> {
    return answering(() => {
      const zone = parseZone(q.timezone);
      const current = parseRange(q.from, q.to, zone);
      return this.explainer.explain({
        metric: q.metric as ExplainMetric,
        current,
        baseline: parseBaseline(q.compareFrom, q.compareTo, current),
        groupBy: q.groupBy as QueryDimension,
        filters: filtersOf(q),
      });
    });
  }
}

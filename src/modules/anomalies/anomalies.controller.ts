import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ValidationFailedException } from '../../core/http/app.exception';
import { CsvExport } from '../../core/http/csv/csv-export.decorator';
import { columnsOf } from '../../core/http/csv/csv-columns';
import { RequireScope } from '../api-keys/auth.decorators';
import { AnomaliesService, DetectionReport, MAX_SCAN_DAYS } from './anomalies.service';
import {
  decodeAnomalyCursor,
  encodeAnomalyCursor,
  parseAnomalyFilter,
  validRange,
} from './anomaly-query.parser';
import { DetectAnomaliesDto, ListAnomaliesQuery } from './dto/anomaly-queries.dto';
import { AnomalyDto, AnomalyPageDto } from './dto/anomaly.dto';
import { shiftDay } from './spike-detector';

const EXAMPLE: AnomalyPageDto = {
  items: [
    {
      id: '0190c6f2-5a3e-7c1d-9b2a-3f4e5d6c7b8a',
      kind: 'negative_share_spike',
      window: 'week',
      dimension: 'touchpoint',
      value: 'checkout',
      day: '2026-04-28',
      observed: 0.78,
      expected: 0.24,
      n: 23,
      baselineN: 171,
      pValue: 3.1e-9,
      qValue: 2.2e-7,
      detectedAt: '2026-04-29T01:15:00.000Z',
    },
  ],
  nextCursor: null,
};

@ApiTags('analytics')
@ApiBearerAuth()
@Controller('api/v1/anomalies')
export class AnomaliesController {
  constructor(private readonly anomalies: AnomaliesService) {}

  @Get()
  @RequireScope('read')
  @ApiOperation({
    summary:
      'Spikes in volume or negative share per topic, touchpoint, channel, segment, journey stage, source and kind',
    description:
      'Found hourly against the same weekday of the previous 8 weeks (Poisson test on the median count; binomial ' +
      'test on the pooled negative share; Benjamini–Hochberg at 1 % over every series of a day). Newest day first.',
  })
  @ApiOkResponse({ type: AnomalyPageDto, example: EXAMPLE })
  @CsvExport<AnomalyPageDto, AnomalyDto>({
    filename: 'anomalies',
    rows: (body) => body.items,
    columns: columnsOf(
      'day',
      'window',
      'kind',
      'dimension',
      'value',
      'observed',
      'expected',
      'n',
      'baselineN',
      'pValue',
      'qValue',
      'id',
      'detectedAt',
    ),
  })
  async list(@Query() query: ListAnomaliesQuery): Promise<AnomalyPageDto> {
    const filter = parseAnomalyFilter(query);
    const after = query.cursor ? decodeAnomalyCursor(query, query.cursor) : undefined;
    const limit = query.limit ?? 100;
    const { items, last } = await this.anomalies.list(filter, limit, after);
    return { items, nextCursor: items.length === limit && last ? encodeAnomalyCursor(query, last) : null };
  }

  @Post('detect')
  @RequireScope('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run the detection now over a range of days (e.g. after importing history)',
    description: `At most ${MAX_SCAN_DAYS} days. Idempotent. Only anomalies of the last 3 days are pushed to alert subscriptions.`,
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        days: { type: 'integer', description: 'Days scanned' },
        found: { type: 'integer' },
        recorded: { type: 'integer', description: 'Newly recorded (a repeated run records none)' },
        alerted: { type: 'integer' },
      },
      required: ['days', 'found', 'recorded', 'alerted'],
      example: { days: 182, found: 14, recorded: 14, alerted: 0 },
    },
  })
  async detect(@Body() body: DetectAnomaliesDto): Promise<DetectionReport> {
    const problems = validRange(body.from, body.to);
    const defaults = this.anomalies.defaultDays();
    const to = body.to ?? defaults[defaults.length - 1];
    const from = body.from ?? (body.to ? to : defaults[0]);
    if (!problems.length && shiftDay(from, MAX_SCAN_DAYS) <= to)
      problems.push({ field: 'from', reason: `the range must span at most ${MAX_SCAN_DAYS} days` });
    if (!problems.length && from > to) problems.push({ field: 'from', reason: 'must not be after to' });
    if (problems.length) throw new ValidationFailedException(problems);
    return this.anomalies.detect(this.anomalies.daysBetween(from, to));
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../api-keys/auth.decorators';
import { CorrelationsQuery, factsRangeOf } from './correlations.query';
import { CorrelationsAnswer, CorrelationsService } from './correlations.service';

const EXAMPLE = {
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-07-01T00:00:00.000Z',
  segment: null,
  customers: 1480,
  sentimentVsNps: {
    n: 610,
    pearson: { n: 610, r: 0.58, ci: { low: 0.53, high: 0.63 }, pValue: 1e-50 },
    spearman: { n: 610, r: 0.55, ci: { low: 0.49, high: 0.6 }, pValue: 1e-45 },
  },
  sentimentVsChurn: {
    n: 1480,
    events: 170,
    oddsRatio: 0.31,
    ci: { low: 0.2, high: 0.48 },
    pValue: 0.00001,
    coefficient: -1.17,
  },
  sentimentVsReferral: {
    n: 1480,
    events: 120,
    oddsRatio: 3.1,
    ci: { low: 1.8, high: 5.2 },
    pValue: 0.0001,
    coefficient: 1.13,
  },
};

@ApiTags('analytics')
@ApiBearerAuth()
@Controller('api/v1/correlations')
export class CorrelationsController {
  constructor(private readonly correlations: CorrelationsService) {}

  @Get()
  @RequireScope('read')
  @ApiOkResponse({
    description:
      'Customer level: mean feedback sentiment vs mean NPS (Pearson, Spearman: r, 95 % interval, p, n), and vs ' +
      'churning and referring in the range (logistic regression: odds ratio per +1 of mean sentiment, 95 % interval, p, n)',
    schema: { example: EXAMPLE },
  })
  get(@Query() query: CorrelationsQuery): Promise<CorrelationsAnswer> {
    return this.correlations.correlations(factsRangeOf(query));
  }
}

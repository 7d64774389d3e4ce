import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { RequireScope } from '../api-keys/auth.decorators';
import { CorrelationsQuery, factsRangeOf } from '../correlations/correlations.query';
import { DRIVER_OUTCOMES, DriverOutcome, DriversAnswer, DriversService } from './drivers.service';

/** The correlations' range and segment, and the outcome to explain. */
export class DriversQuery extends CorrelationsQuery {
  @ApiProperty({ enum: DRIVER_OUTCOMES, example: 'churn' })
  @IsIn(DRIVER_OUTCOMES)
  outcome: DriverOutcome;
}

const EXAMPLE = {
  outcome: 'churn',
  n: 970,
  rSquared: 0.06,
  drivers: [
    {
      topic: 'website-app',
      customers: 180,
      performance: -0.21,
      importance: 0.34,
      importanceCi: { low: 0.18, high: 0.5 },
      impact: 2.9,
      impactCi: { low: 1.9, high: 4.4 },
      pValue: 0.000001,
      quadrant: 'fix_first',
    },
  ],
};

@ApiTags('analytics')
@ApiBearerAuth()
@Controller('api/v1/drivers')
export class DriversController {
  constructor(private readonly drivers: DriversService) {}

  @Get()
  @RequireScope('read')
  @ApiOkResponse({
    description:
      'Per topic raised negatively by ≥ 10 customers (top 20): importance (Johnson relative weights share of R², ' +
      'bootstrap 95 % interval), impact (nps: NPS points gained if they scored like the rest; churn/referral: odds ' +
      'ratio of raising it), performance (mean topic sentiment) and quadrant; most important first',
    schema: { example: EXAMPLE },
  })
  get(@Query() query: DriversQuery): Promise<DriversAnswer> {
    return this.drivers.drivers(query.outcome, factsRangeOf(query));
  }
}

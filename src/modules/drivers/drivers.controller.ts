import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { AppException } from '../../core/http/app.exception';
import { RequireScope } from '../api-keys/auth.decorators';
import { DRIVER_OUTCOMES, DriverOutcome, DriversAnswer, DriversService } from './drivers.service';

export class DriversQuery {
  @ApiProperty({ enum: DRIVER_OUTCOMES, example: 'churn' })
  @IsIn(DRIVER_OUTCOMES)
  outcome: DriverOutcome;
  @ApiPropertyOptional({ example: '2026-01-01' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ example: '2026-04-01' }) @IsOptional() @IsDateString() to?: string;
  @ApiPropertyOptional({ example: 'trail_club' }) @IsOptional() @IsString() @Length(1, 100) segment?: string;
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
    const [from, to] = [
      query.from ? new Date(query.from) : undefined,
      query.to ? new Date(query.to) : undefined,
    ];
    if (from && to && from >= to)
      throw new AppException(400, 'from must be before to', 'VALIDATION_FAILED', [
        { field: 'from', reason: 'must be before to' },
      ]);
    return this.drivers.drivers(query.outcome, { from, to, segment: query.segment });
  }
}

import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../api-keys/auth.decorators';
import { CustomerJourneyDto, JOURNEY_EXAMPLE } from './journey.dto';
import { JourneyService } from './journey.service';

@ApiTags('customers')
@ApiBearerAuth()
@Controller('api/v1/customers')
export class JourneyController {
  constructor(private readonly journeys: JourneyService) {}

  @Get(':id/journey')
  @RequireScope('read')
  @ApiOkResponse({
    type: CustomerJourneyDto,
    description:
      'Every feedback item (any channel) and outcome event of one customer on one timeline, oldest first ' +
      '(the newest 500 of each)',
    schema: { example: JOURNEY_EXAMPLE },
  })
  @ApiNotFoundResponse({ description: 'No such customer' })
  journey(@Param('id', new ParseUUIDPipe()) id: string): Promise<CustomerJourneyDto> {
    return this.journeys.journey(id);
  }
}

import {
  Body,
  Controller,
  DefaultValuePipe,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { ValidationFailedException } from '../../core/http/app.exception';
import { RequireScope } from '../api-keys/auth.decorators';
import { AlertsService } from './alerts.service';
import {
  AlertDeliveryDto,
  AlertSubscriptionDto,
  CreateAlertSubscriptionDto,
  CreatedAlertSubscriptionDto,
  UpdateAlertSubscriptionDto,
} from './dto/alert-subscription.dto';

/** Where anomalies are pushed: Standard Webhooks signed POSTs, retried with backoff, every try logged. */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('api/v1/alerts/subscriptions')
export class AlertSubscriptionsController {
  constructor(private readonly alerts: AlertsService) {}

  @Post()
  @RequireScope('admin')
  @ApiOperation({ summary: 'Subscribe a URL to anomaly kinds; the signing secret is shown once' })
  @ApiCreatedResponse({ type: CreatedAlertSubscriptionDto })
  create(@Body() dto: CreateAlertSubscriptionDto): Promise<CreatedAlertSubscriptionDto> {
    return this.alerts.create(dto);
  }

  @Get()
  @RequireScope('admin')
  @ApiOkResponse({ type: [AlertSubscriptionDto] })
  list(): Promise<AlertSubscriptionDto[]> {
    return this.alerts.list();
  }

  @Get(':id')
  @RequireScope('admin')
  @ApiOkResponse({ type: AlertSubscriptionDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<AlertSubscriptionDto> {
    return this.alerts.get(id);
  }

  @Patch(':id')
  @RequireScope('admin')
  @ApiOkResponse({ type: AlertSubscriptionDto })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateAlertSubscriptionDto,
  ): Promise<AlertSubscriptionDto> {
    return this.alerts.update(id, dto);
  }

  @Delete(':id')
  @RequireScope('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted with its delivery log; pending retries are dropped' })
  remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.alerts.remove(id);
  }

  @Post(':id/test')
  @RequireScope('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue a signed `alert.test` delivery; follow it in the delivery log' })
  @ApiAcceptedResponse({ type: AlertDeliveryDto })
  test(@Param('id', new ParseUUIDPipe()) id: string): Promise<AlertDeliveryDto> {
    return this.alerts.sendTest(id);
  }

  @Get(':id/deliveries')
  @RequireScope('admin')
  @ApiOperation({ summary: 'The delivery log, newest first: status, tries, last answer or error' })
  @ApiQuery({ name: 'limit', required: false, example: 50 })
  @ApiOkResponse({ type: [AlertDeliveryDto] })
  deliveries(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query('limit', new DefaultValuePipe(50), new ParseIntPipe()) limit: number,
  ): Promise<AlertDeliveryDto[]> {
    if (limit < 1 || limit > 500)
      throw new ValidationFailedException([{ field: 'limit', reason: 'must be between 1 and 500' }]);
    return this.alerts.deliveries(id, limit);
  }
}

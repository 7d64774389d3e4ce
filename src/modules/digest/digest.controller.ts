import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequireScope } from '../api-keys/auth.decorators';
import { DigestDeliveryRepository } from './digest-delivery.repository';
import { DigestService } from './digest.service';
import { DigestSubscribersService } from './digest-subscribers.service';
import { ListDeliveriesQuery, PreviewDigestQuery, SendDigestDto } from './dto/digest-requests.dto';
import {
  DigestDeliveryResponseDto,
  SendDigestResponseDto,
  toDeliveryResponse,
} from './dto/digest-responses.dto';
import { DigestDeliveryService } from './delivery/digest-delivery.service';
import { inlineChartsAsDataUris } from './email/digest-email.builder';
import { formatIsoWeek, lastWeekAt } from './time/iso-week';

@ApiTags('digest')
@ApiBearerAuth()
@RequireScope('admin')
@Controller('api/v1/digest')
export class DigestController {
  constructor(
    private readonly digests: DigestService,
    private readonly subscribers: DigestSubscribersService,
    private readonly delivery: DigestDeliveryService,
    private readonly deliveries: DigestDeliveryRepository,
  ) {}

  @Get('preview')
  @ApiProduces('text/html', 'application/json')
  @ApiOkResponse({
    description: 'The email as HTML (charts inlined as data URIs), or with format=json the content as data',
    example: { week: '2026-W47', volume: { total: 1234, previousTotal: 1180, byChannel: [], trend: [] } },
  })
  @ApiBadRequestResponse({ description: 'Bad week, subscriber or format' })
  @ApiNotFoundResponse({ description: 'No such subscriber' })
  async preview(@Query() q: PreviewDigestQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const subscriber = q.subscriber ? await this.subscribers.get(q.subscriber) : null;
    const week = q.week ?? formatIsoWeek(lastWeekAt(new Date(), subscriber?.entity.timeZone ?? 'UTC'));
    const built = await this.digests.build(week, subscriber);
    if (q.format === 'json') {
      const charts = built.email.charts.map(({ cid, alt, width, height }) => ({ cid, alt, width, height }));
      return { subject: built.email.subject, ...built.content, charts };
    }
    void reply.type('text/html; charset=utf-8');
    return inlineChartsAsDataUris(built.email);
  }

  @Post('send')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: SendDigestResponseDto,
    description: 'Claimed and queued; see /digest/deliveries',
  })
  @ApiBadRequestResponse({ description: 'Bad week or subscriber id' })
  @ApiNotFoundResponse({ description: 'No such subscriber' })
  async send(@Body() dto: SendDigestDto): Promise<SendDigestResponseDto> {
    const targets = dto.subscriberId
      ? [(await this.subscribers.get(dto.subscriberId)).entity]
      : await this.subscribers.listEntities();
    const now = new Date();
    const result = await this.delivery.queueDeliveries(
      targets.map((s) => ({
        subscriberId: s.id,
        week: dto.week ?? formatIsoWeek(lastWeekAt(now, s.timeZone)),
      })),
      'manual',
    );
    return { week: dto.week ?? null, ...result };
  }

  @Get('deliveries')
  @ApiOkResponse({ type: DigestDeliveryResponseDto, isArray: true, description: 'Newest first' })
  @ApiBadRequestResponse({ description: 'Bad filter' })
  async list(@Query() q: ListDeliveriesQuery): Promise<DigestDeliveryResponseDto[]> {
    const rows = await this.deliveries.list(
      { isoWeek: q.week, subscriberId: q.subscriberId, status: q.status },
      q.limit ?? 100,
    );
    return rows.map(toDeliveryResponse);
  }
}

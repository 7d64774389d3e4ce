import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiTooManyRequestsResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../core/http/public.decorator';
import { WebhookResultDto } from './dto/webhook-result.dto';
import { WebhookReceiverService, WebhookResultBody } from './webhook-receiver.service';

/** Where senders post; no API key: a Standard Webhooks signature with the integration's secret is the proof. */
@ApiTags('webhooks')
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(private readonly receiver: WebhookReceiverService) {}

  @Post(':integrationId')
  @Public()
  @ApiOperation({
    summary: 'Receive a signed delivery (Standard Webhooks) and ingest it through the integration’s mapping',
  })
  @ApiHeader({
    name: 'webhook-id',
    required: true,
    description: 'Unique per delivery; a retry with the same id is answered from the first',
  })
  @ApiHeader({
    name: 'webhook-timestamp',
    required: true,
    description: 'Unix seconds; refused more than 5 minutes off',
  })
  @ApiHeader({
    name: 'webhook-signature',
    required: true,
    description: '`v1,<base64 HMAC-SHA256 of id.timestamp.body>`, space-separated',
  })
  @ApiBody({
    schema: { type: 'object', additionalProperties: true, description: 'The sender’s native JSON payload' },
  })
  @ApiAcceptedResponse({
    type: WebhookResultDto,
    description: 'Stored (or acknowledged); header Webhook-Replayed: true on a retry',
  })
  @ApiBadRequestResponse({
    description: 'The payload maps to invalid items: fields and reasons; nothing stored',
  })
  @ApiUnauthorizedResponse({ description: 'Missing headers, bad signature or timestamp out of tolerance' })
  @ApiNotFoundResponse({ description: 'Unknown or disabled integration' })
  @ApiConflictResponse({
    description: 'The first delivery with this webhook-id was still being processed after 5 s; retry later',
  })
  @ApiTooManyRequestsResponse({
    description: 'This integration sent more signed deliveries than RATE_LIMIT_PER_MINUTE; see Retry-After',
  })
  async receive(
    @Param('integrationId') integrationId: string,
    @Body() payload: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookResultBody> {
    const answer = await this.receiver.receive({
      integrationId,
      payload,
      rawBody: request.rawBody ?? '',
      headers: request.headers,
    });
    void reply.status(answer.statusCode);
    if (answer.replayed) void reply.header('Webhook-Replayed', 'true');
    return answer.body;
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { IdempotencyService } from '../../core/http/idempotency.service';
import { answerIdempotently } from '../../core/http/idempotent-reply';
import { RequireScope } from '../api-keys/auth.decorators';
import { batchItems, summariseBatch } from '../feedback/batch-request';
import { BatchResultDto } from '../feedback/dto/batch-feedback.dto';
import { BatchOutcomesDto, outcomeItemSchema } from './dto/batch-outcomes.dto';
import { ListOutcomesQuery } from './dto/list-outcomes.query';
import { OutcomePageDto, OutcomeResponseDto, toOutcomeResponse } from './dto/outcome-response.dto';
import { OutcomeIngestionService } from './outcome-ingestion.service';
import { OutcomeRejectedException } from './outcomes.exception';
import { OutcomesService } from './outcomes.service';

@ApiTags('outcomes')
@ApiBearerAuth()
@Controller('api/v1/outcomes')
export class OutcomesController {
  constructor(
    private readonly ingestion: OutcomeIngestionService,
    private readonly outcomes: OutcomesService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Post()
  @RequireScope('ingest')
  @ApiBody({ schema: outcomeItemSchema() })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Replays the first answer for 24 h' })
  @ApiAcceptedResponse({
    description: 'Stored (committed); `duplicate` when (source, externalId) was already stored',
    schema: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        status: { type: 'string', enum: ['created', 'duplicate'] },
      },
      required: ['id', 'status'],
      example: { id: '01938f6e-7a1b-7c3d-9e2f-0123456789ab', status: 'created' },
    },
  })
  @ApiBadRequestResponse({ description: 'Rejected, with the field and reason of every problem' })
  async create(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    return answerIdempotently(this.idempotency, request, reply, 'outcomes', async () => {
      const outcome = await this.ingestion.ingestOne(body);
      if (outcome.status === 'rejected') throw new OutcomeRejectedException(outcome.errors);
      return { statusCode: 202, body: { id: outcome.id, status: outcome.status } };
    });
  }

  @Post('batch')
  @RequireScope('ingest')
  @ApiBody({ type: BatchOutcomesDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiAcceptedResponse({
    type: BatchResultDto,
    description: 'One result per item; valid items are stored even when others are rejected',
  })
  async createBatch(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const items = batchItems(body, 'outcome events');
    return answerIdempotently(this.idempotency, request, reply, 'outcomes/batch', async () => {
      const results = await this.ingestion.ingest(items);
      return { statusCode: 202, body: summariseBatch(results) };
    });
  }

  @Get()
  @RequireScope('read')
  @ApiOkResponse({
    description: 'Newest first; pass nextCursor as cursor for the next page',
    type: OutcomePageDto,
    example: {
      items: [
        {
          id: '01938f6e-7a1b-7c3d-9e2f-0123456789ab',
          type: 'lifecycle',
          source: 'stripe',
          externalId: 'evt_1PqR2s',
          customerId: '01938f6e-0000-7c3d-9e2f-0123456789ab',
          event: 'churned',
          segment: 'trail_club',
          value: null,
          currency: null,
          flags: ['churn_without_subscription'],
          occurredAt: '2026-05-04T09:30:00.000Z',
          receivedAt: '2026-05-04T09:30:01.204Z',
        },
      ],
      nextCursor: null,
    },
  })
  async list(@Query() query: ListOutcomesQuery): Promise<OutcomePageDto> {
    const { limit, cursor, from, to, ...filter } = query;
    const page = await this.outcomes.list(
      { ...filter, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
      limit ?? 50,
      cursor,
    );
    return { items: page.items.map(toOutcomeResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequireScope('read')
  @ApiOkResponse({ type: OutcomeResponseDto })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<OutcomeResponseDto> {
    return toOutcomeResponse(await this.outcomes.get(id));
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { AppException } from '../../core/http/app.exception';
import { IdempotencyService, StoredResponse } from '../../core/http/idempotency.service';
import { RequireScope } from '../api-keys/auth.decorators';
import { BatchFeedbackDto, BatchResultDto, MAX_BATCH_ITEMS } from './dto/batch-feedback.dto';
import { FEEDBACK_DTO_CLASSES, feedbackItemSchema } from './dto/feedback-dto-by-kind';
import { FeedbackResponseDto, toFeedbackResponse } from './dto/feedback-response.dto';
import { ListFeedbackQuery } from './dto/list-feedback.query';
import { FeedbackRejectedException } from './feedback.exception';
import { FeedbackIngestionService, IngestOutcome } from './feedback-ingestion.service';
import { FeedbackService } from './feedback.service';

@ApiTags('feedback')
@ApiBearerAuth()
@ApiExtraModels(...FEEDBACK_DTO_CLASSES)
@Controller('api/v1/feedback')
export class FeedbackController {
  constructor(
    private readonly ingestion: FeedbackIngestionService,
    private readonly feedback: FeedbackService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Post()
  @RequireScope('ingest')
  @ApiBody({ schema: feedbackItemSchema() })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Replays the first answer for 24 h' })
  @ApiAcceptedResponse({
    description: 'Stored (committed); `duplicate` when (source, externalId) was already stored',
  })
  @ApiBadRequestResponse({ description: 'Rejected, with the field and reason of every problem' })
  async create(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    return this.answer(request, reply, 'feedback', idempotencyKeyOf(request), async () => {
      const outcome = await this.ingestion.ingestOne(body);
      if (outcome.status === 'rejected') throw new FeedbackRejectedException(outcome.errors);
      return { statusCode: 202, body: { id: outcome.id, status: outcome.status } };
    });
  }

  @Post('batch')
  @RequireScope('ingest')
  @ApiBody({ type: BatchFeedbackDto })
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
    const items = batchItems(body);
    return this.answer(request, reply, 'feedback/batch', idempotencyKeyOf(request), async () => {
      const results = await this.ingestion.ingest(items);
      return { statusCode: 202, body: summarise(results) };
    });
  }

  @Get()
  @RequireScope('read')
  @ApiOkResponse({ description: 'Newest first; pass nextCursor as cursor for the next page' })
  async list(
    @Query() query: ListFeedbackQuery,
  ): Promise<{ items: FeedbackResponseDto[]; nextCursor: string | null }> {
    const { limit, cursor, from, to, ...filter } = query;
    const page = await this.feedback.list(
      { ...filter, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
      limit ?? 50,
      cursor,
    );
    return { items: page.items.map(toFeedbackResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequireScope('read')
  @ApiOkResponse({ type: FeedbackResponseDto })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<FeedbackResponseDto> {
    return toFeedbackResponse(await this.feedback.get(id));
  }

  private async answer(
    request: FastifyRequest,
    reply: FastifyReply,
    route: string,
    idempotencyKey: string | undefined,
    handler: () => Promise<StoredResponse>,
  ): Promise<unknown> {
    const scope = `${request.apiKey?.id}:${route}`;
    const result = await this.idempotency.run(scope, idempotencyKey, request.rawBody ?? '', handler);
    void reply.status(result.statusCode);
    if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
    return result.body;
  }
}

function batchItems(body: unknown): unknown[] {
  const items = (body as { items?: unknown } | null)?.items;
  const extra =
    body && typeof body === 'object' && !Array.isArray(body)
      ? Object.keys(body).filter((k) => k !== 'items')
      : [];
  const problems = [
    ...(Array.isArray(items) ? [] : [{ field: 'items', reason: 'must be an array of feedback items' }]),
    ...(Array.isArray(items) && items.length === 0 ? [{ field: 'items', reason: 'must not be empty' }] : []),
    ...(Array.isArray(items) && items.length > MAX_BATCH_ITEMS
      ? [{ field: 'items', reason: `must hold at most ${MAX_BATCH_ITEMS} items` }]
      : []),
    ...extra.map((field) => ({ field, reason: `property ${field} should not exist` })),
  ];
  if (problems.length) throw new AppException(400, 'Batch rejected', 'VALIDATION_FAILED', problems);
  return items as unknown[];
}

function summarise(results: IngestOutcome[]): BatchResultDto {
  const count = (status: IngestOutcome['status']) => results.filter((r) => r.status === status).length;
  return { created: count('created'), duplicate: count('duplicate'), rejected: count('rejected'), results };
}

/**
 * Read from the request, not with @Headers('idempotency-key'): the OpenAPI scanner would list that as a second,
 * required header beside the documented optional `Idempotency-Key`.
 */
function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  return Array.isArray(value) ? value[0] : value;
}

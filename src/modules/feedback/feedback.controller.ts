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
import { IdempotencyService } from '../../core/http/idempotency.service';
import { answerIdempotently } from '../../core/http/idempotent-reply';
import { RequireScope } from '../api-keys/auth.decorators';
import { batchItems, summariseBatch } from './batch-request';
import { BatchFeedbackDto, BatchResultDto } from './dto/batch-feedback.dto';
import { FEEDBACK_DTO_CLASSES, feedbackItemSchema } from './dto/feedback-dto-by-kind';
import { FeedbackResponseDto, toFeedbackResponse } from './dto/feedback-response.dto';
import { ListFeedbackQuery } from './dto/list-feedback.query';
import { FeedbackRejectedException } from './feedback.exception';
import { FeedbackIngestionService } from './feedback-ingestion.service';
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
    return answerIdempotently(this.idempotency, request, reply, 'feedback', async () => {
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
    const items = batchItems(body, 'feedback items');
    return answerIdempotently(this.idempotency, request, reply, 'feedback/batch', async () => {
      const results = await this.ingestion.ingest(items);
      return { statusCode: 202, body: summariseBatch(results) };
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
}

import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CsvExport } from '../../core/http/csv/csv-export.decorator';
import { CsvAwareRequest } from '../../core/http/csv/csv.interceptor';
import { RequireScope } from '../api-keys/auth.decorators';
import { ListVerbatimsQuery } from './dto/list-verbatims.query';
import { VerbatimDto, VerbatimPageDto } from './dto/verbatim-response.dto';
import { VerbatimsService } from './verbatims.service';

const EXAMPLE: VerbatimPageDto = {
  items: [
    {
      id: '0190c6f2-5a3e-7c1d-9b2a-3f4e5d6c7b8a',
      kind: 'review',
      source: 'trustpilot',
      channel: 'web',
      touchpoint: 'checkout',
      journeyStage: 'purchase',
      segment: 'smb',
      customerId: null,
      language: 'en',
      text: 'Checkout keeps failing: card declined twice.',
      occurredAt: '2026-04-28T10:15:00.000Z',
      relevance: 4.2,
      highlights: [
        { start: 0, end: 8 },
        { start: 31, end: 39 },
      ],
      highlightedText: '<mark>Checkout</mark> keeps failing: card <mark>declined</mark> twice.',
      analysis: {
        sentimentLabel: 'negative',
        sentimentScore: -0.64,
        topics: [{ key: 'payment', sentimentLabel: 'negative', sentimentScore: -0.71 }],
        signals: ['complaint'],
      },
    },
  ],
  nextCursor: 'eyJxIjoiVjJ4...',
  search: { ranking: 'fulltext', candidates: null, since: null },
};

@ApiTags('analytics')
@ApiBearerAuth()
@Controller('api/v1/verbatims')
export class VerbatimsController {
  constructor(private readonly verbatims: VerbatimsService) {}

  @Get()
  @RequireScope('read')
  @ApiOperation({
    summary: 'Search what customers said',
    description:
      'Full-text search (every word required) with filters, by relevance or recency, in cursor pages, with the ' +
      'analysis inline and the matched words marked. `Accept: text/csv` streams every match as CSV.',
  })
  @ApiOkResponse({ type: VerbatimPageDto, example: EXAMPLE })
  @ApiBadRequestResponse({
    description: 'A bad filter, date range or a cursor of another query: field and reason',
  })
  @CsvExport<VerbatimPageDto | { items: AsyncIterable<VerbatimDto> }, VerbatimDto>({
    filename: 'verbatims',
    rows: (body) => body.items,
    columns: [
      { header: 'id', value: (v) => v.id },
      { header: 'occurredAt', value: (v) => v.occurredAt },
      { header: 'kind', value: (v) => v.kind },
      { header: 'source', value: (v) => v.source },
      { header: 'channel', value: (v) => v.channel },
      { header: 'touchpoint', value: (v) => v.touchpoint },
      { header: 'journeyStage', value: (v) => v.journeyStage },
      { header: 'segment', value: (v) => v.segment },
      { header: 'language', value: (v) => v.language },
      { header: 'sentiment', value: (v) => v.analysis?.sentimentLabel },
      { header: 'sentimentScore', value: (v) => v.analysis?.sentimentScore },
      { header: 'topics', value: (v) => v.analysis?.topics.map((t) => t.key) },
      { header: 'signals', value: (v) => v.analysis?.signals },
      { header: 'relevance', value: (v) => v.relevance },
      { header: 'text', value: (v) => v.text },
    ],
  })
  async list(
    @Query() query: ListVerbatimsQuery,
    @Req() request: CsvAwareRequest,
  ): Promise<VerbatimPageDto | { items: AsyncIterable<VerbatimDto> }> {
    if (!request.wantsCsv) return this.verbatims.page(query);
    this.verbatims.validate(query);
    return { items: this.verbatims.all(query) };
  }
}

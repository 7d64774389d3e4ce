import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../api-keys/auth.decorators';
import { AnalysisService } from './analysis.service';
import { AnalyzeTextsDto, StartReprocessDto } from './dto/analysis.dto';
import { ReprocessRunEntity } from './entities/reprocess-run.entity';
import { ReprocessService } from './reprocess.service';

function toRunResponse(r: ReprocessRunEntity) {
  return {
    id: r.id,
    status: r.status,
    pipelineVersion: r.pipelineVersion,
    filter: r.filter,
    total: r.total,
    processed: Math.min(r.processed, r.total),
    failed: r.failed,
    progress: r.total ? Math.min(1, r.processed / r.total) : 1,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

@ApiTags('analysis')
@ApiBearerAuth()
@Controller('api/v1')
export class AnalysisController {
  constructor(
    private readonly analysis: AnalysisService,
    private readonly reprocess: ReprocessService,
  ) {}

  /** Synchronous scoring for integrations: the same analysis as stored feedback gets, nothing stored. */
  @Post('analyze')
  @HttpCode(200)
  @RequireScope('read')
  @ApiOkResponse({ description: 'One analysis per text, in order' })
  analyze(@Body() dto: AnalyzeTextsDto) {
    return this.analysis.analyseTexts(dto.texts);
  }

  @Get('feedback/:id/analysis')
  @RequireScope('read')
  @ApiOkResponse({
    description:
      'Sentiment per document, sentence and topic, signals, language, with explanations (`status: analysed`); ' +
      'or, for an item that has no analysis, `status: skipped` (no text) or `failed`, with the `reason`. ' +
      '404 while the item waits for its first analysis.',
    schema: {
      example: {
        status: 'skipped',
        reason: 'no text to analyse',
        version: null,
        analysedAt: null,
        result: null,
      },
    },
  })
  async forFeedback(@Param('id', new ParseUUIDPipe()) id: string) {
    const found = await this.analysis.forFeedback(id);
    if (!found) throw new NotFoundException(`Feedback ${id} has not been analysed yet`);
    return found;
  }

  @Post('analysis/reprocess')
  @HttpCode(202)
  @RequireScope('admin')
  @ApiAcceptedResponse({
    description: 'Re-analysis started; follow it at GET /api/v1/analysis/reprocess/:id',
  })
  async start(@Body() dto: StartReprocessDto) {
    const filter = Object.fromEntries(
      Object.entries(dto.filter ?? {}).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    return toRunResponse(await this.reprocess.start(filter));
  }

  @Get('analysis/reprocess/:id')
  @RequireScope('admin')
  async progress(@Param('id', new ParseUUIDPipe()) id: string) {
    return toRunResponse(await this.reprocess.get(id));
  }
}

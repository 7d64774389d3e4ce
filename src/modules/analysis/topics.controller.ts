import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { RequireScope } from '../api-keys/auth.decorators';
import { AnalysisPipelineService } from './analysis-pipeline.service';
import { SuggestionsQuery } from './dto/analysis.dto';
import { filtersOf, SUGGESTIONS_EXAMPLE, windowOf } from './dto/suggestions-window';
import {
  AcceptSuggestionDto,
  CreateTopicDto,
  TopicResponseDto,
  toTopicResponse,
  UpdateTopicDto,
} from './dto/topic.dto';
import { ApplyPackResponseDto, TopicPackResponseDto, toPackResponse } from './dto/topic-pack.dto';
import { ReprocessService } from './reprocess.service';
import { TopicSuggestionsService } from './topic-suggestions.service';
import { TopicsService } from './topics.service';

/** The editable taxonomy. Every change starts a re-analysis of stored feedback with the new pipeline version. */
@ApiTags('topics')
@ApiBearerAuth()
@RequireScope('admin')
@Controller('api/v1/topics')
export class TopicsController {
  constructor(
    private readonly topics: TopicsService,
    private readonly suggestions: TopicSuggestionsService,
    private readonly pipelines: AnalysisPipelineService,
    private readonly reprocess: ReprocessService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [TopicResponseDto] })
  async list(): Promise<TopicResponseDto[]> {
    return (await this.topics.list()).map(toTopicResponse);
  }

  @Get('suggestions')
  @ApiOkResponse({
    description:
      'Emerging themes of a window against the baseline before it: phrases whose rate rose significantly, ' +
      'ranked by the lower bound of their lift, each with counts, lift, p-value, example texts and ids, and the ' +
      'topics that cover its texts; and how many texts the window and the baseline held. The item filters ' +
      '(segment, channel, …) narrow both to one slice',
    schema: { example: SUGGESTIONS_EXAMPLE },
  })
  suggest(@Query() query: SuggestionsQuery) {
    return this.suggestions.suggest(windowOf(query), {
      limit: query.limit ?? 20,
      uncoveredOnly: query.uncoveredOnly === 'true',
      filters: filtersOf(query),
    });
  }

  @Post('suggestions/accept')
  @ApiCreatedResponse({ description: 'The new topic and the re-analysis it started' })
  async accept(@Body() dto: AcceptSuggestionDto) {
    const topic = await this.suggestions.accept(dto.phrase, dto.name, dto.parentKey);
    return { topic: toTopicResponse(topic), reprocessId: await this.reanalyse() };
  }

  @Get('packs')
  @ApiOperation({
    summary: 'Industry packs: domain topics (travel, restaurants, retail, SaaS) that refine the general keys',
  })
  @ApiOkResponse({ type: [TopicPackResponseDto] })
  listPacks(): TopicPackResponseDto[] {
    return this.topics.packs().map(toPackResponse);
  }

  @Post('packs/:name/apply')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Adds a pack’s topics to the taxonomy (idempotent) and starts a re-analysis',
  })
  @ApiOkResponse({ type: ApplyPackResponseDto })
  @ApiParam({
    name: 'name',
    example: 'travel',
    enum: ['travel', 'restaurants-hospitality', 'ecommerce-retail', 'software-saas'],
  })
  @ApiNotFoundResponse({ description: 'No pack of that name' })
  async applyPack(@Param('name') name: string): Promise<ApplyPackResponseDto> {
    const result = await this.topics.applyPack(name);
    const changed = result.added.length > 0 || result.updated.length > 0;
    return { ...result, reprocessId: changed ? await this.reanalyse() : null };
  }

  @Get(':key')
  @ApiOkResponse({ type: TopicResponseDto })
  async get(@Param('key') key: string): Promise<TopicResponseDto> {
    return toTopicResponse(await this.topics.get(key));
  }

  @Post()
  @ApiCreatedResponse({ description: 'The topic and the re-analysis it started' })
  async create(@Body() dto: CreateTopicDto) {
    const { key, ...rest } = dto;
    const topic = await this.topics.create(key, rest);
    return { topic: toTopicResponse(topic), reprocessId: await this.reanalyse() };
  }

  @Patch(':key')
  async update(@Param('key') key: string, @Body() dto: UpdateTopicDto) {
    const topic = await this.topics.update(key, dto);
    return { topic: toTopicResponse(topic), reprocessId: await this.reanalyse() };
  }

  @Delete(':key')
  @HttpCode(200)
  async remove(@Param('key') key: string) {
    await this.topics.remove(key);
    return { deleted: key, reprocessId: await this.reanalyse() };
  }

  private async reanalyse(): Promise<string> {
    this.pipelines.invalidate();
    return (await this.reprocess.start({})).id;
  }
}

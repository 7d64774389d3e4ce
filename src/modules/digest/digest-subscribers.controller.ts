import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { RequireScope } from '../api-keys/auth.decorators';
import { CreateDigestSubscriberDto } from './dto/create-digest-subscriber.dto';
import { DigestSubscriberResponseDto } from './dto/digest-subscriber-response.dto';
import { UpdateDigestSubscriberDto } from './dto/update-digest-subscriber.dto';
import { toDigestSubscriberResponse } from './digest-subscriber.mapper';
import { DigestSubscribersService } from './digest-subscribers.service';

@ApiTags('digest')
@ApiBearerAuth()
@RequireScope('admin')
@Controller('api/v1/digest/subscribers')
export class DigestSubscribersController {
  constructor(private readonly subscribers: DigestSubscribersService) {}

  @Post()
  @ApiCreatedResponse({ type: DigestSubscriberResponseDto })
  @ApiBadRequestResponse({ description: 'Invalid fields, each with its reason' })
  @ApiConflictResponse({ description: 'The address already receives the digest (details.existingId)' })
  async create(@Body() dto: CreateDigestSubscriberDto): Promise<DigestSubscriberResponseDto> {
    return toDigestSubscriberResponse(await this.subscribers.create(dto));
  }

  @Get()
  @ApiOkResponse({ type: DigestSubscriberResponseDto, isArray: true })
  async list(): Promise<DigestSubscriberResponseDto[]> {
    return (await this.subscribers.list()).map(toDigestSubscriberResponse);
  }

  @Get(':id')
  @ApiOkResponse({ type: DigestSubscriberResponseDto })
  @ApiNotFoundResponse()
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<DigestSubscriberResponseDto> {
    return toDigestSubscriberResponse(await this.subscribers.get(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: DigestSubscriberResponseDto })
  @ApiBadRequestResponse({ description: 'Invalid fields, each with its reason' })
  @ApiNotFoundResponse()
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateDigestSubscriberDto,
  ): Promise<DigestSubscriberResponseDto> {
    return toDigestSubscriberResponse(await this.subscribers.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Erased: the address is gone; delivery history keeps only the id' })
  @ApiNotFoundResponse()
  async remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.subscribers.remove(id);
  }
}

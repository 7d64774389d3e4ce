import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiKeysService } from './api-keys.service';
import { RequireScope } from './auth.decorators';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { ApiKeyResponseDto, CreatedApiKeyResponseDto, toApiKeyResponse } from './dto/api-key-response.dto';

@ApiTags('api-keys')
@ApiBearerAuth()
@RequireScope('admin')
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedApiKeyResponseDto })
  async create(@Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyResponseDto> {
    const { entity, key } = await this.apiKeys.create(
      dto.name,
      dto.scopes,
      dto.expiresAt ? new Date(dto.expiresAt) : undefined,
    );
    return { ...toApiKeyResponse(entity), key };
  }

  @Get()
  @ApiOkResponse({ type: ApiKeyResponseDto, isArray: true })
  async list(): Promise<ApiKeyResponseDto[]> {
    return (await this.apiKeys.list()).map(toApiKeyResponse);
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.apiKeys.revoke(id);
  }
}

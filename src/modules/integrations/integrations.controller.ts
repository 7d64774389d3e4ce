import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { RequireScope } from '../api-keys/auth.decorators';
import { CreateIntegrationDto } from './dto/create-integration.dto';
import {
  IntegrationResponseDto,
  IntegrationWithSecretResponseDto,
  toIntegrationResponse,
} from './dto/integration-response.dto';
import { RotateSecretDto } from './dto/rotate-secret.dto';
import { UpdateIntegrationDto } from './dto/update-integration.dto';
import { IntegrationsService } from './integrations.service';

@ApiTags('integrations')
@ApiBearerAuth()
@RequireScope('admin')
@Controller('api/v1/integrations')
export class IntegrationsController {
  constructor(private readonly integrations: IntegrationsService) {}

  @Post()
  @ApiCreatedResponse({
    type: IntegrationWithSecretResponseDto,
    description: 'The signing secret is in this answer only',
  })
  @ApiBadRequestResponse({
    description: 'Invalid fields or mapping, with the field and reason of each problem',
  })
  async create(@Body() dto: CreateIntegrationDto): Promise<IntegrationWithSecretResponseDto> {
    const { entity, secret } = await this.integrations.create(dto);
    return { ...toIntegrationResponse(entity), secret };
  }

  @Get()
  @ApiOkResponse({ type: IntegrationResponseDto, isArray: true })
  async list(): Promise<IntegrationResponseDto[]> {
    return (await this.integrations.list()).map((entity) => toIntegrationResponse(entity));
  }

  @Get(':id')
  @ApiOkResponse({ type: IntegrationResponseDto })
  @ApiNotFoundResponse()
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<IntegrationResponseDto> {
    return toIntegrationResponse(await this.integrations.get(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: IntegrationResponseDto })
  @ApiBadRequestResponse({ description: 'Invalid fields or mapping' })
  @ApiNotFoundResponse()
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: UpdateIntegrationDto,
  ): Promise<IntegrationResponseDto> {
    return toIntegrationResponse(await this.integrations.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Disabled: its deliveries answer 404 (PATCH enabled: true turns it back on)',
  })
  @ApiNotFoundResponse()
  async disable(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.integrations.disable(id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOkResponse({
    type: IntegrationWithSecretResponseDto,
    description: 'The new secret, shown once; the old one works until previousSecretExpiresAt',
  })
  @ApiNotFoundResponse()
  async rotateSecret(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RotateSecretDto,
  ): Promise<IntegrationWithSecretResponseDto> {
    const { entity, secret } = await this.integrations.rotateSecret(id, dto.graceSeconds);
    return { ...toIntegrationResponse(entity), secret };
  }
}

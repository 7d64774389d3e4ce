import 'reflect-metadata';
import { Body, Controller, Post } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiBody, ApiExtraModels, DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { FEEDBACK_DTO_CLASSES, feedbackItemSchema } from './feedback-dto-by-kind';

@ApiExtraModels(...FEEDBACK_DTO_CLASSES)
@Controller('probe')
class ProbeController {
  @Post()
  @ApiBody({ schema: feedbackItemSchema() })
  create(@Body() body: unknown) {
    return body;
  }
}

describe('feedback DTOs in OpenAPI', () => {
  let app: NestFastifyApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [ProbeController] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    await app.init();
    document = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('probe').build());
  });
  afterAll(() => app.close());

  it('documents each kind with its own fields and the shared ones', () => {
    const schemas = document.components?.schemas as Record<
      string,
      { properties: Record<string, object>; required?: string[] }
    >;
    expect(Object.keys(schemas.CreateReviewDto.properties)).toEqual(
      expect.arrayContaining([
        'kind',
        'source',
        'customer',
        'occurredAt',
        'text',
        'rating',
        'scale',
        'product',
        'title',
      ]),
    );
    expect(schemas.CreateSurveyResponseDto.properties.npsScore).toMatchObject({ minimum: 0, maximum: 10 });
    expect(schemas.CreateCallNoteDto.properties.outcome).toMatchObject({
      enum: ['resolved', 'escalated', 'callback', 'unresolved'],
    });
    expect(schemas.CreateSocialMentionDto.required).toEqual(
      expect.arrayContaining(['kind', 'source', 'text', 'platform']),
    );
    expect(schemas.CustomerRefDto.properties.email).toBeDefined();
    expect(schemas.CreateReviewDto.properties).not.toHaveProperty('npsScore');
  });

  it('describes the request body as one of the kinds, discriminated by kind', () => {
    const body = document.paths['/probe'].post?.requestBody as {
      content: Record<string, { schema: object }>;
    };
    expect(body.content['application/json'].schema).toMatchObject({
      oneOf: expect.arrayContaining([{ $ref: '#/components/schemas/CreateReviewDto' }]),
      discriminator: { propertyName: 'kind' },
    });
  });
});

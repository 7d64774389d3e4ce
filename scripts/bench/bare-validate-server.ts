import 'reflect-metadata';
import { BadRequestException, Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { validateFeedbackInput } from '../../src/modules/feedback/validation/validate-feedback-input';

/**
 * The baseline of bench-ingest: NestJS on Fastify doing only what no ingestion can skip (parse the JSON,
 * validate it with the product's own validateFeedbackInput, answer 202). No auth, no database, no logs.
 */
@Controller()
class BareFeedbackController {
  @Post('feedback')
  @HttpCode(202)
  create(@Body() body: unknown): { status: string } {
    const result = validateFeedbackInput(body);
    if (!result.ok) throw new BadRequestException(result.errors);
    return { status: 'accepted' };
  }
}

@Module({ controllers: [BareFeedbackController] })
class BareBenchModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(
    BareBenchModule,
    new FastifyAdapter({ bodyLimit: 1024 * 1024 }),
    { logger: false },
  );
  await app.listen({ port: Number(process.env.PORT ?? 3999), host: '127.0.0.1' });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`bare bench server failed: ${String(error)}\n`);
  process.exit(1);
});

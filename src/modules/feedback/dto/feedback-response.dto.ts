import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FeedbackEntity } from '../entities/feedback.entity';

export class FeedbackResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() kind: string;
  @ApiProperty() source: string;
  @ApiPropertyOptional({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty() channel: string;
  @ApiPropertyOptional({ nullable: true, type: String }) touchpoint: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) journeyStage: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) customerId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) segment: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Personal data already replaced by placeholders',
  })
  text: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) language: string | null;
  @ApiProperty({ type: [String], description: 'Kinds of personal data redacted from the text' })
  redacted: string[];
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Review rating scaled to 0..1' }) rating:
    number | null;
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) npsScore: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'CSAT scaled to 0..1' }) csat:
    number | null;
  @ApiPropertyOptional({ nullable: true, type: 'integer' }) ces: number | null;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true }) details: Record<
    string,
    unknown
  > | null;
  @ApiProperty() occurredAt: string;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ enum: ['pending', 'analysed', 'failed', 'skipped'] }) analysisStatus: string;
  @ApiPropertyOptional({ nullable: true, type: String }) analysisError: string | null;
}

export function toFeedbackResponse(f: FeedbackEntity): FeedbackResponseDto {
  return {
    id: f.id,
    kind: f.kind,
    source: f.source,
    externalId: f.externalId,
    channel: f.channel,
    touchpoint: f.touchpoint,
    journeyStage: f.journeyStage,
    customerId: f.customerId,
    segment: f.segment,
    text: f.text,
    language: f.language,
    redacted: f.redactedKinds ? f.redactedKinds.split(',') : [],
    rating: f.rating,
    npsScore: f.npsScore,
    csat: f.csat,
    ces: f.ces,
    details: f.details,
    occurredAt: f.occurredAt.toISOString(),
    receivedAt: f.receivedAt.toISOString(),
    analysisStatus: f.analysisStatus,
    analysisError: f.analysisError,
  };
}

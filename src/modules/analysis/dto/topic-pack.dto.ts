import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { IndustryPack } from '../engine/topics/industry-packs';

export class PackTopicDto {
  @ApiProperty({ example: 'flight-delays' }) key: string;
  @ApiProperty({ example: 'Flight delays' }) name: string;
  @ApiPropertyOptional({
    example: 'waiting-time',
    type: String,
    nullable: true,
    description: 'The general key (or pack topic) this topic refines; null for a topic of its own',
  })
  parentKey: string | null;
  @ApiProperty({ type: [String], example: ['flight delay', 'missed connection', 'tarmac'] })
  phrases: string[];
  @ApiProperty({ type: [String], example: ['delayed bag'] }) exclusions: string[];
}

export class TopicPackResponseDto {
  @ApiProperty({ example: 'travel' }) name: string;
  @ApiProperty({ example: 'Travel' }) title: string;
  @ApiProperty({
    example: 'Airlines, airports, rail and hotels: delays, cancellations, crew, luggage, the trip itself.',
  })
  description: string;
  @ApiProperty({ type: [PackTopicDto] }) topics: PackTopicDto[];
}

export class ApplyPackResponseDto {
  @ApiProperty({ example: 'travel' }) pack: string;
  @ApiProperty({
    type: [String],
    example: ['flight-delays', 'cabin-crew', 'luggage'],
    description: 'Topics created',
  })
  added: string[];
  @ApiProperty({
    type: [String],
    example: [],
    description: 'Existing topics of the same key that gained the pack’s phrases (empty on a repeated apply)',
  })
  updated: string[];
  @ApiProperty({
    example: '6f1c2d0e-4b7a-4c1e-9d0f-2a7e5b3c8d41',
    nullable: true,
    type: String,
    description: 'The re-analysis it started; null when the pack was applied already and nothing changed',
  })
  reprocessId: string | null;
}

export function toPackResponse(pack: IndustryPack): TopicPackResponseDto {
  return {
    name: pack.name,
    title: pack.title,
    description: pack.description,
    topics: pack.topics.map((t) => ({
      key: t.key,
      name: t.name,
      parentKey: t.parentKey ?? null,
      phrases: [...t.phrases],
      exclusions: [...t.exclusions],
    })),
  };
}

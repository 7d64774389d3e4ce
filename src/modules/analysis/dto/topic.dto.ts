import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { TopicEntity } from '../entities/topic.entity';

const KEY = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const KEY_REASON = 'must be a lower-case slug (a-z, 0-9, . _ -), at most 64 characters';

class TopicFieldsDto {
  @ApiPropertyOptional({ type: [String], example: ['late delivery', 'never arrived'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  phrases?: string[];

  @ApiPropertyOptional({ type: [String], example: ['return flight'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  exclusions?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Labelled example texts; they train the topic classifier',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  examples?: string[];
}

export class CreateTopicDto extends TopicFieldsDto {
  @ApiProperty({ example: 'delivery.damaged' })
  @Matches(KEY, { message: KEY_REASON })
  key: string;

  @ApiProperty({ example: 'Damaged in delivery' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({ example: 'delivery', nullable: true })
  @IsOptional()
  @Matches(KEY, { message: KEY_REASON })
  parentKey?: string;
}

export class UpdateTopicDto extends TopicFieldsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'null makes it a root topic' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(KEY, { message: KEY_REASON })
  parentKey?: string | null;
}

export class AcceptSuggestionDto {
  @ApiProperty({ example: 'payment declined' })
  @IsString()
  @Length(1, 100)
  phrase: string;

  @ApiPropertyOptional({ example: 'Payment declined' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: 'price-billing' })
  @IsOptional()
  @Matches(KEY, { message: KEY_REASON })
  parentKey?: string;
}

export class TopicResponseDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) parentKey: string | null;
  @ApiProperty({ type: [String] }) phrases: string[];
  @ApiProperty({ type: [String] }) exclusions: string[];
  @ApiProperty({ type: [String] }) examples: string[];
  @ApiProperty() updatedAt: string;
}

export function toTopicResponse(t: TopicEntity): TopicResponseDto {
  return {
    key: t.key,
    name: t.name,
    parentKey: t.parentKey,
    phrases: t.phrases,
    exclusions: t.exclusions,
    examples: t.examples,
    updatedAt: t.updatedAt.toISOString(),
  };
}

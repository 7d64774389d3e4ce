import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

const list = (description: string, example?: string) =>
  ApiPropertyOptional({ description: `${description}; a comma-separated list matches any of them`, example });

/** Query of `GET /api/v1/verbatims`; lists are split and checked against their vocabularies by the service. */
export class ListVerbatimsQuery {
  @ApiPropertyOptional({
    description: 'Words that must all occur (`"a phrase"` keeps words together, `word*` is a prefix)',
    example: 'checkout declined',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @list('review | survey_response | social_mention | call_note')
  @IsOptional()
  @IsString()
  @Length(1, 500)
  kind?: string;
  @list('Source slug', 'trustpilot') @IsOptional() @IsString() @Length(1, 2000) source?: string;
  @list('web | mobile_app | email | chat | social | phone | store | other', 'web,mobile_app')
  @IsOptional()
  @IsString()
  @Length(1, 500)
  channel?: string;
  @list('Touchpoint', 'checkout') @IsOptional() @IsString() @Length(1, 2000) touchpoint?: string;
  @list('awareness | consideration | purchase | onboarding | usage | support | renewal | other')
  @IsOptional()
  @IsString()
  @Length(1, 500)
  journeyStage?: string;
  @list('Customer segment') @IsOptional() @IsString() @Length(1, 2000) segment?: string;
  @list('Language code (ISO 639-1)', 'en') @IsOptional() @IsString() @Length(1, 500) language?: string;
  @list('Topic key (items mentioning it)', 'payment')
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  topic?: string;
  @list('complaint | praise | question | suggestion | churn_risk | urgency', 'complaint')
  @IsOptional()
  @IsString()
  @Length(1, 500)
  signal?: string;
  @list('Document sentiment: positive | neutral | negative | mixed', 'negative')
  @IsOptional()
  @IsString()
  @Length(1, 200)
  sentiment?: string;

  @ApiPropertyOptional({ description: 'occurredAt >= from (date or date-time, UTC)', example: '2026-04-27' })
  @IsOptional()
  @IsDateString()
  from?: string;
  @ApiPropertyOptional({ description: 'occurredAt < to (date or date-time, UTC)', example: '2026-05-04' })
  @IsOptional()
  @IsDateString()
  to?: string;

  @ApiPropertyOptional({
    enum: ['relevance', 'recency'],
    description: 'Default: relevance when `q` is given, else recency (newest first)',
  })
  @IsOptional()
  @IsIn(['relevance', 'recency'])
  sort?: 'relevance' | 'recency';

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page of the same query' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  cursor?: string;
}

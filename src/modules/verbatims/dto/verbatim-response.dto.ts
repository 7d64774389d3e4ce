import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HighlightDto {
  @ApiProperty({ example: 0, description: 'UTF-16 offset of the first character' }) start: number;
  @ApiProperty({ example: 8, description: 'UTF-16 offset just past the last character' }) end: number;
}

export class VerbatimTopicDto {
  @ApiProperty({ example: 'payment' }) key: string;
  @ApiProperty({ example: 'negative' }) sentimentLabel: string;
  @ApiProperty({ example: -0.71 }) sentimentScore: number;
}

export class VerbatimAnalysisDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'negative' }) sentimentLabel: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: -0.64 }) sentimentScore: number | null;
  @ApiProperty({ type: [VerbatimTopicDto] }) topics: VerbatimTopicDto[];
  @ApiProperty({ type: [String], example: ['complaint'] }) signals: string[];
}

export class VerbatimDto {
  @ApiProperty({ example: '0190c6f2-5a3e-7c1d-9b2a-3f4e5d6c7b8a' }) id: string;
  @ApiProperty({ example: 'review' }) kind: string;
  @ApiProperty({ example: 'trustpilot' }) source: string;
  @ApiProperty({ example: 'web' }) channel: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'checkout' }) touchpoint: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'purchase' }) journeyStage: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'smb' }) segment: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) customerId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'en' }) language: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Checkout keeps failing: card declined twice.',
  })
  text: string | null;
  @ApiProperty({ example: '2026-04-28T10:15:00.000Z' }) occurredAt: string;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Search relevance (larger is better); null without q',
    example: 4.2,
  })
  relevance: number | null;
  @ApiProperty({ type: [HighlightDto], description: 'Where the searched words occur in text' })
  highlights: HighlightDto[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'text, HTML-escaped, with matched words in <mark>',
    example: '<mark>Checkout</mark> keeps failing: card <mark>declined</mark> twice.',
  })
  highlightedText: string | null;
  @ApiProperty({
    type: () => VerbatimAnalysisDto,
    nullable: true,
    description: 'By the current pipeline; null until analysed',
  })
  analysis: VerbatimAnalysisDto | null;
}

export class VerbatimSearchDto {
  @ApiProperty({
    enum: ['fulltext', 'newest_matches'],
    description:
      'fulltext: every match in the range, ranked by the database (FULLTEXT / FTS5). newest_matches: the word is so ' +
      'common that only the newest matches were ranked (by how often the words occur); see candidates and since',
  })
  ranking: 'fulltext' | 'newest_matches';
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 200,
    description: 'newest_matches: how many were ranked',
  })
  candidates: number | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-11-20T08:00:00.000Z',
    description:
      'newest_matches: the oldest item looked at; older matches were not ranked (null: none left out)',
  })
  since: string | null;
}

export class VerbatimPageDto {
  @ApiProperty({ type: [VerbatimDto] }) items: VerbatimDto[];
  @ApiPropertyOptional({
    type: () => VerbatimSearchDto,
    nullable: true,
    description: 'How a search by relevance was ranked; null without q or by recency',
  })
  search: VerbatimSearchDto | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page of the same query',
  })
  nextCursor: string | null;
}

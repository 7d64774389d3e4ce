import { ApiProperty } from '@nestjs/swagger';

export const MAX_BATCH_ITEMS = 1000;

export class BatchFeedbackDto {
  @ApiProperty({
    description: `1 to ${MAX_BATCH_ITEMS} feedback items of any kind`,
    type: 'array',
    items: { type: 'object' },
  })
  items: unknown[];
}

export class IngestResultDto {
  @ApiProperty() index: number;
  @ApiProperty({ enum: ['created', 'duplicate', 'rejected'] }) status: string;
  @ApiProperty({ required: false, description: 'The stored item (the existing one for a duplicate)' })
  id?: string;
  @ApiProperty({ required: false, description: 'Why it was rejected, per field' }) errors?: {
    field: string;
    reason: string;
  }[];
}

export class BatchResultDto {
  @ApiProperty() created: number;
  @ApiProperty() duplicate: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ type: [IngestResultDto] }) results: IngestResultDto[];
}

import { ApiProperty } from '@nestjs/swagger';
import { IngestResultDto } from '../../feedback/dto/batch-feedback.dto';

export class WebhookResultDto {
  @ApiProperty({ description: 'The delivery this answers (the webhook-id header)' }) webhookId: string;
  @ApiProperty() created: number;
  @ApiProperty() duplicate: number;
  @ApiProperty({
    description: 'Items refused at storage time, e.g. from an erased customer: acknowledged, never stored',
  })
  rejected: number;
  @ApiProperty({ type: [IngestResultDto] }) results: IngestResultDto[];
}

import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { CreateDigestSubscriberDto } from './create-digest-subscriber.dto';
import { DigestSliceDto } from './digest-slice.dto';

export class UpdateDigestSubscriberDto extends PartialType(
  OmitType(CreateDigestSubscriberDto, ['slice'] as const),
) {
  @ApiPropertyOptional({
    type: DigestSliceDto,
    nullable: true,
    example: { channel: 'chat' },
    description: 'null: the whole company again',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DigestSliceDto)
  slice?: DigestSliceDto | null;
}

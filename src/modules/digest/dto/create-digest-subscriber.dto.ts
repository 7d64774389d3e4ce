import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DigestSliceDto } from './digest-slice.dto';
import { IsSupportedLocale } from './is-supported-locale.decorator';

export class CreateDigestSubscriberDto {
  @ApiProperty({ example: 'cx-lead@example.com', description: 'Stored encrypted; never shown in logs' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Dana Reyes' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({ example: 'Europe/London', default: 'UTC', description: 'IANA time zone' })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/London' })
  timeZone?: string;

  @ApiPropertyOptional({ example: 1, default: 1, description: 'ISO weekday: 1 = Monday … 7 = Sunday' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  sendDay?: number;

  @ApiPropertyOptional({ example: 8, default: 8, description: 'Local hour, 0-23' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  sendHour?: number;

  @ApiPropertyOptional({ example: 'en-GB', default: 'en-GB', description: 'Number and date formats' })
  @IsOptional()
  @IsSupportedLocale()
  locale?: string;

  @ApiPropertyOptional({ type: DigestSliceDto, example: { touchpoint: 'checkout' } })
  @IsOptional()
  @ValidateNested()
  @Type(() => DigestSliceDto)
  slice?: DigestSliceDto;
}

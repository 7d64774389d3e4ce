import { ApiProperty } from '@nestjs/swagger';
import { DigestSliceDto } from './digest-slice.dto';

export class DigestSubscriberResponseDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b' })
  id: string;

  @ApiProperty({ example: 'cx-lead@example.com' })
  email: string;

  @ApiProperty({ example: 'Dana Reyes' })
  name: string;

  @ApiProperty({ example: 'Europe/London' })
  timeZone: string;

  @ApiProperty({ example: 1 })
  sendDay: number;

  @ApiProperty({ example: 8 })
  sendHour: number;

  @ApiProperty({ example: 'en-GB' })
  locale: string;

  @ApiProperty({ type: DigestSliceDto, nullable: true, example: { touchpoint: 'checkout' } })
  slice: DigestSliceDto | null;

  @ApiProperty({ example: '2026-11-20T09:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-11-20T09:00:00.000Z' })
  updatedAt: string;
}

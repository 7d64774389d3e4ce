import { ApiProperty } from '@nestjs/swagger';

/**
 * A confidence interval, shared by every module that reports one: OpenAPI names schemas by class name,
 * so two classes called IntervalDto would silently share (or overwrite) one schema.
 */
export class IntervalDto {
  @ApiProperty({ example: 0.61 }) low: number;
  @ApiProperty({ example: 0.79 }) high: number;
}

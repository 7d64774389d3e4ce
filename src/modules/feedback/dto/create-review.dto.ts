import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, Min, ValidateIf } from 'class-validator';
import { IsAtMostProperty, IsHalfStep, IsText } from '../validation/feedback-constraints.decorator';
import { CreateFeedbackBaseDto } from './create-feedback-base.dto';
import { FEEDBACK_LIMITS } from './feedback-enums';

/** A review (Trustpilot, app stores, G2...). Needs `text` or `rating` (or both). */
export class CreateReviewDto extends CreateFeedbackBaseDto {
  @ApiProperty({ enum: ['review'] })
  @IsIn(['review'])
  kind: 'review';

  @ApiPropertyOptional({
    description: 'Required when rating is absent.',
    maxLength: FEEDBACK_LIMITS.textMaxChars,
  })
  @ValidateIf((dto: CreateReviewDto) => dto.text != null || dto.rating == null)
  @IsString({ message: 'a review needs text or rating' })
  @IsText(FEEDBACK_LIMITS.textMaxChars)
  text?: string;

  @ApiPropertyOptional({ description: 'From 1 to scale, half steps allowed.', example: 4, minimum: 1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsHalfStep()
  @Min(1)
  @Max(FEEDBACK_LIMITS.ratingScaleMax)
  @IsAtMostProperty('scale', 5)
  rating?: number;

  @ApiPropertyOptional({ description: 'Top of the rating scale.', default: 5, minimum: 2, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(FEEDBACK_LIMITS.ratingScaleMax)
  scale?: number;

  @ApiPropertyOptional({ example: 'Trail Runner 2' })
  @IsOptional()
  @IsText(FEEDBACK_LIMITS.shortTextMaxChars)
  product?: string;

  @ApiPropertyOptional({ example: 'Great service' })
  @IsOptional()
  @IsText(FEEDBACK_LIMITS.shortTextMaxChars)
  title?: string;
}

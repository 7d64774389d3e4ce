import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, ValidateIf } from 'class-validator';
import { IdToString, IsAtMostProperty, IsText } from '../validation/feedback-constraints.decorator';
import { CreateFeedbackBaseDto } from './create-feedback-base.dto';
import { FEEDBACK_LIMITS } from './feedback-enums';

/** A survey answer (NPS, CSAT, CES, open question). Needs at least one of npsScore, csat, ces, text. */
export class CreateSurveyResponseDto extends CreateFeedbackBaseDto {
  @ApiProperty({ enum: ['survey_response'] })
  @IsIn(['survey_response'])
  kind: 'survey_response';

  @ApiPropertyOptional({
    description: 'Open answer; required when no score is given.',
    maxLength: FEEDBACK_LIMITS.textMaxChars,
  })
  @ValidateIf(
    (dto: CreateSurveyResponseDto) =>
      dto.text != null || (dto.npsScore == null && dto.csat == null && dto.ces == null),
  )
  @IsString({ message: 'a survey response needs npsScore, csat, ces or text' })
  @IsText(FEEDBACK_LIMITS.textMaxChars)
  text?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 10, example: 9 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  npsScore?: number;

  @ApiPropertyOptional({ description: 'From 1 to csatScale.', minimum: 1, example: 4 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(FEEDBACK_LIMITS.csatScaleMax)
  @IsAtMostProperty('csatScale', 5)
  csat?: number;

  @ApiPropertyOptional({ default: 5, minimum: 2, maximum: FEEDBACK_LIMITS.csatScaleMax })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(FEEDBACK_LIMITS.csatScaleMax)
  csatScale?: number;

  @ApiPropertyOptional({ description: 'Customer effort score.', minimum: 1, maximum: 7 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  ces?: number;

  @ApiPropertyOptional({ example: 'How likely are you to recommend us to a friend?' })
  @IsOptional()
  @IsText(1_000)
  question?: string;

  @ApiPropertyOptional({ example: 'lT4Z3j' })
  @IsOptional()
  @IdToString()
  @IsText(FEEDBACK_LIMITS.idMaxChars)
  surveyId?: string;
}

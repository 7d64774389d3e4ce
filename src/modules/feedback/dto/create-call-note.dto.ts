import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsText } from '../validation/feedback-constraints.decorator';
import { CreateFeedbackBaseDto } from './create-feedback-base.dto';
import { CALL_OUTCOMES, CallOutcome, FEEDBACK_LIMITS } from './feedback-enums';

/** Notes an agent took on a call. Needs `text` (the notes). */
export class CreateCallNoteDto extends CreateFeedbackBaseDto {
  @ApiProperty({ enum: ['call_note'] })
  @IsIn(['call_note'])
  kind: 'call_note';

  @ApiProperty({ description: 'The call notes.', maxLength: FEEDBACK_LIMITS.textMaxChars })
  @IsText(FEEDBACK_LIMITS.textMaxChars)
  text: string;

  @ApiPropertyOptional({ example: 'Priya (tier 2)' })
  @IsOptional()
  @IsText(FEEDBACK_LIMITS.shortTextMaxChars)
  agent?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: FEEDBACK_LIMITS.maxCallSeconds })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(FEEDBACK_LIMITS.maxCallSeconds)
  durationSeconds?: number;

  @ApiPropertyOptional({ enum: CALL_OUTCOMES })
  @IsOptional()
  @IsIn(CALL_OUTCOMES)
  outcome?: CallOutcome;
}

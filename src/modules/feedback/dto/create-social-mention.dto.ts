import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsText } from '../validation/feedback-constraints.decorator';
import { URL_PATTERN } from '../validation/value-checks';
import { CreateFeedbackBaseDto } from './create-feedback-base.dto';
import { FEEDBACK_LIMITS } from './feedback-enums';

/** A public post about the company. Needs `text` and `platform`. */
export class CreateSocialMentionDto extends CreateFeedbackBaseDto {
  @ApiProperty({ enum: ['social_mention'] })
  @IsIn(['social_mention'])
  kind: 'social_mention';

  @ApiProperty({ description: 'The post.', maxLength: FEEDBACK_LIMITS.textMaxChars })
  @IsText(FEEDBACK_LIMITS.textMaxChars)
  text: string;

  @ApiProperty({ description: 'Lower-cased.', example: 'reddit' })
  @IsText(64, { lowerCase: true })
  platform: string;

  @ApiPropertyOptional({ example: '@ana_runs' })
  @IsOptional()
  @IsText(FEEDBACK_LIMITS.shortTextMaxChars)
  author?: string;

  @ApiPropertyOptional({ example: 'https://www.reddit.com/r/running/comments/abc123' })
  @IsOptional()
  @IsText(FEEDBACK_LIMITS.urlMaxChars)
  @Matches(URL_PATTERN, { message: 'must be an http(s) URL' })
  url?: string;

  @ApiPropertyOptional({ description: 'Audience size (followers, views).', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  reach?: number;
}

import { getSchemaPath } from '@nestjs/swagger';
import { CreateCallNoteDto } from './create-call-note.dto';
import { CreateReviewDto } from './create-review.dto';
import { CreateSocialMentionDto } from './create-social-mention.dto';
import { CreateSurveyResponseDto } from './create-survey-response.dto';
import type { FeedbackKind } from './feedback-enums';

export const FEEDBACK_DTO_BY_KIND = {
  review: CreateReviewDto,
  survey_response: CreateSurveyResponseDto,
  social_mention: CreateSocialMentionDto,
  call_note: CreateCallNoteDto,
} as const satisfies Record<FeedbackKind, new () => object>;

export const FEEDBACK_DTO_CLASSES = Object.values(FEEDBACK_DTO_BY_KIND);

export type CreateFeedbackDto =
  CreateReviewDto | CreateSurveyResponseDto | CreateSocialMentionDto | CreateCallNoteDto;

/**
 * OpenAPI schema of one feedback item, discriminated by `kind`. Use with
 * `@ApiExtraModels(...FEEDBACK_DTO_CLASSES)` and `@ApiBody({ schema: feedbackItemSchema() })`.
 */
export function feedbackItemSchema() {
  const mapping = Object.fromEntries(
    Object.entries(FEEDBACK_DTO_BY_KIND).map(([kind, dto]) => [kind, getSchemaPath(dto)]),
  );
  return {
    oneOf: FEEDBACK_DTO_CLASSES.map((dto) => ({ $ref: getSchemaPath(dto) })),
    discriminator: { propertyName: 'kind', mapping },
  };
}

import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { FEEDBACK_DTO_BY_KIND, CreateFeedbackDto } from '../dto/feedback-dto-by-kind';
import { FEEDBACK_KINDS, FeedbackKind } from '../dto/feedback-enums';
import { FieldError, joinPath, ROOT_FIELD, ValidationResult } from './field-error.type';
import { isPlainObject, scanStructure } from './value-checks';

/**
 * The same contract checked through the decorated DTOs (class-validator + class-transformer).
 * Too slow for the ingestion hot path; it exists so a spec can prove the DTOs that document the API
 * (OpenAPI) and the fast validator agree. The structural pre-check is shared on purpose:
 * class-transformer would copy a `__proto__` key onto the instance before any decorator ran.
 */
export async function validateFeedbackDto(raw: unknown): Promise<ValidationResult<CreateFeedbackDto>> {
  if (!isPlainObject(raw) || Object.keys(raw).length === 0) {
    return { ok: false, errors: [{ field: ROOT_FIELD, reason: 'must be a non-empty JSON object' }] };
  }
  const structural: FieldError[] = [];
  scanStructure(raw, ROOT_FIELD, 0, structural);
  if (structural.length > 0) return { ok: false, errors: structural };
  if (!FEEDBACK_KINDS.includes(raw.kind as FeedbackKind)) {
    return { ok: false, errors: [{ field: 'kind', reason: 'must be a known kind' }] };
  }
  const dtoClass = FEEDBACK_DTO_BY_KIND[raw.kind as FeedbackKind] as ClassConstructor<CreateFeedbackDto>;
  const dto = plainToInstance(dtoClass, raw);
  const failures = await validate(dto, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (failures.length === 0) return { ok: true, value: dto };
  return { ok: false, errors: failures.flatMap((failure) => flatten(failure, '')) };
}

function flatten(error: ValidationError, parent: string): FieldError[] {
  const field = joinPath(parent, error.property);
  const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, field))];
}

import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem } from './error-body';
import { ValidationFailedException } from './app.exception';

/**
 * Constraints about what a value is. When one fails, the field's other reasons (lengths, sizes, ranges) are
 * noise: `{"texts": [null]}` is "each value in texts must be a string", not also "shorter than 20000 characters".
 */
const TYPE_CONSTRAINTS = new Set([
  'isDefined',
  'isArray',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isObject',
  'isDateString',
  'isISO8601',
  'isUUID',
  'isEmail',
  'isEnum',
  'isIn',
  'nestedValidation',
  'whitelistValidation',
]);

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const constraints = Object.entries(e.constraints ?? {});
    // Missing, or not an array at all: the reasons about its elements say nothing more.
    const shape = constraints.filter(([name]) => name === 'isDefined' || name === 'isArray');
    const typeProblems =
      shape.length > 0 ? shape : constraints.filter(([name]) => TYPE_CONSTRAINTS.has(name));
    const own = (typeProblems.length > 0 ? typeProblems : constraints).map(([, reason]) => ({
      field,
      reason,
    }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** The global pipe: whitelist, forbid unknown fields, and answer with per-field details. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors) => new ValidationFailedException(flattenValidationErrors(errors)),
  });
}

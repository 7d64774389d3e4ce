import { Transform } from 'class-transformer';
import {
  IsNotEmpty,
  IsString,
  MaxLength,
  ValidateBy,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';
import { FEEDBACK_LIMITS } from '../dto/feedback-enums';
import { attributesRule } from './field-rules';
import {
  isPlainObject,
  metadataProblem,
  occurredAtProblem,
  parseIsoDate,
  phoneDigitCount,
} from './value-checks';

/** class-validator decorators built on the same primitive checks as the fast validator. */

/** Trims strings and optionally lower-cases them, like the fast path's normalisation. */
export function Trim(options: { lowerCase?: boolean } = {}): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return options.lowerCase ? trimmed.toLowerCase() : trimmed;
  });
}

/** Ids may arrive as non-negative integers; they are strings from here on. */
export function IdToString(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value,
  );
}

export function IsOccurredAt(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isOccurredAt',
      validator: {
        validate: (value: unknown) => {
          const date = typeof value === 'string' ? parseIsoDate(value.trim()) : undefined;
          return date !== undefined && occurredAtProblem(date, Date.now()) === undefined;
        },
        defaultMessage: () => 'must be an ISO 8601 date, not before 1990 nor more than 24 h in the future',
      },
    },
    options,
  );
}

export function IsSmallJsonObject(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSmallJsonObject',
      validator: {
        validate: (value: unknown) => isPlainObject(value) && metadataProblem(value) === undefined,
        defaultMessage: () =>
          `must be an object of at most ${FEEDBACK_LIMITS.metadataMaxBytes} bytes of JSON`,
      },
    },
    options,
  );
}

export function IsFlatAttributes(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFlatAttributes',
      validator: {
        validate: (value: unknown) => attributesRule(value, 'attributes', [], 0) !== undefined,
        defaultMessage: () => 'must be a flat object of strings, numbers, booleans or null (at most 50 keys)',
      },
    },
    options,
  );
}

export function HasPhoneDigits(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'hasPhoneDigits',
      validator: {
        validate: (value: unknown) => {
          const digits = typeof value === 'string' ? phoneDigitCount(value) : 0;
          return digits >= 6 && digits <= 15;
        },
        defaultMessage: () => 'must have 6 to 15 digits',
      },
    },
    options,
  );
}

/** `rating <= scale`, `csat <= csatScale`, with the scale's default when it is absent. */
export function IsAtMostProperty(
  property: string,
  fallback: number,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAtMostProperty',
      constraints: [property, fallback],
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const limit = (args?.object as Record<string, unknown>)[property];
          return typeof value !== 'number' || value <= (typeof limit === 'number' ? limit : fallback);
        },
        defaultMessage: () => `must not be greater than ${property} (default ${fallback})`,
      },
    },
    options,
  );
}

/** Trimmed, non-empty string of at most `max` characters: the DTO twin of the fast path's textRule. */
export function IsText(max: number, options: { lowerCase?: boolean } = {}): PropertyDecorator {
  const decorators = [
    Trim(options),
    IsString(),
    IsNotEmpty({ message: '$property must not be empty' }),
    MaxLength(max),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** class-validator's IsDivisibleBy parses its divisor as an integer, so 0.5 steps need their own check. */
export function IsHalfStep(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHalfStep',
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isInteger(value * 2),
        defaultMessage: () => 'must be a whole or half number (4, 4.5)',
      },
    },
    options,
  );
}

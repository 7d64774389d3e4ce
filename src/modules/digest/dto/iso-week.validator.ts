import { registerDecorator, ValidationOptions } from 'class-validator';
import { parseIsoWeek } from '../time/iso-week';

/** `2026-W47`: an ISO week that exists (W53 only in long years). */
export function IsIsoWeek(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoWeek',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an ISO week such as 2026-W47', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && parseIsoWeek(value) !== null },
    });
}

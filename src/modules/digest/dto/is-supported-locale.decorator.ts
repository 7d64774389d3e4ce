import { registerDecorator, ValidationOptions } from 'class-validator';

/** A BCP 47 tag this runtime formats numbers and dates for (so `en-GB` passes and `xx-ZZ-123` does not). */
export function isSupportedLocale(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 35) return false;
  try {
    return Intl.NumberFormat.supportedLocalesOf([value]).length === 1;
  } catch {
    return false;
  }
}

export function IsSupportedLocale(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isSupportedLocale',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a supported BCP 47 locale such as en-GB or de-DE', ...options },
      validator: { validate: isSupportedLocale },
    });
}

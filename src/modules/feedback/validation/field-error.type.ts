/** One rejected field: `field` is a dotted path (`customer.email`, `metadata.tags`), `(root)` for the whole item. */
export interface FieldError {
  field: string;
  reason: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export const ROOT_FIELD = '(root)';

export function joinPath(parent: string, key: string): string {
  return parent === '' || parent === ROOT_FIELD ? key : `${parent}.${key}`;
}

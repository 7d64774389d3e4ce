import type { FieldProblem } from '../../core/http/error-body';
import { compileJsonPath, JsonPathError } from './field-mapping/json-path';
import { validateFieldMapping } from './field-mapping/validate-field-mapping';
import { OUTCOME_KIND } from './integration-kinds';

export interface IntegrationSettings {
  fieldMapping: unknown;
  constants: unknown;
  itemsPath: string | null;
  /** `outcome`: deliveries are outcome events, so mappings target outcome fields. */
  kind?: string | null;
}

/** Everything wrong with how an integration turns deliveries into items, by request field. */
export function integrationSettingsProblems(settings: IntegrationSettings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (settings.fieldMapping !== null) {
    const outcome = settings.kind === OUTCOME_KIND;
    for (const p of validateFieldMapping(settings.fieldMapping, undefined, outcome))
      problems.push({ field: prefixed('fieldMapping', p.field), reason: p.reason });
  }
  if (settings.constants !== null) {
    for (const p of validateFieldMapping({}, settings.constants, settings.kind === OUTCOME_KIND))
      problems.push({ field: prefixed('constants', p.field), reason: p.reason });
  }
  if (settings.itemsPath !== null) {
    try {
      compileJsonPath(settings.itemsPath);
    } catch (error) {
      problems.push({
        field: 'itemsPath',
        reason: error instanceof JsonPathError ? error.message : 'is not a valid path',
      });
    }
  }
  return problems;
}

function prefixed(parent: string, field: string): string {
  return field.startsWith('(') ? parent : `${parent}.${field}`;
}

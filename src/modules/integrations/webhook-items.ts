import type { FieldProblem } from '../../core/http/error-body';
import { validateFeedbackInput } from '../feedback/validation/validate-feedback-input';
import { validateOutcomeInput } from '../outcomes/validation/validate-outcome-input';
import { IntegrationEntity } from './entities/integration.entity';
import { applyFieldMapping, selectItems } from './field-mapping/apply-field-mapping';
import { OUTCOME_KIND } from './integration-kinds';

export type WebhookItems =
  { ok: true; items: Record<string, unknown>[] } | { ok: false; problems: FieldProblem[] };

/**
 * Turns a verified delivery into Hearken items (the integration's source and kind filled in when absent)
 * and checks every one, so a delivery is stored whole or not at all. Fields are prefixed `items[i].`
 * when the integration splits deliveries into several items.
 */
export function webhookItems(
  integration: IntegrationEntity,
  payload: unknown,
  maxItems: number,
): WebhookItems {
  const natives = selectItems(payload, integration.itemsPath ?? undefined);
  if (natives.length > maxItems) {
    return {
      ok: false,
      problems: [{ field: integration.itemsPath!, reason: `must hold at most ${maxItems} items` }],
    };
  }
  const items = natives.map((native) => withDefaults(toItem(integration, native), integration));
  const problems: FieldProblem[] = [];
  const validate = integration.kind === OUTCOME_KIND ? validateOutcomeInput : validateFeedbackInput;
  for (const [index, item] of items.entries()) {
    const result = validate(item);
    if (result.ok) continue;
    const prefix = integration.itemsPath ? `items[${index}].` : '';
    for (const e of result.errors) problems.push({ field: `${prefix}${e.field}`, reason: e.reason });
  }
  return problems.length ? { ok: false, problems } : { ok: true, items };
}

function toItem(integration: IntegrationEntity, native: unknown): unknown {
  const constants = integration.constants ?? {};
  if (integration.fieldMapping) return applyFieldMapping(native, integration.fieldMapping, constants);
  // Already a Hearken item: constants only fill what it leaves out.
  if (native === null || typeof native !== 'object' || Array.isArray(native)) return native;
  return { ...applyFieldMapping(undefined, {}, constants), ...(native as Record<string, unknown>) };
}

function withDefaults(item: unknown, integration: IntegrationEntity): Record<string, unknown> {
  if (item === null || typeof item !== 'object' || Array.isArray(item))
    return item as Record<string, unknown>;
  const filled = { ...(item as Record<string, unknown>) };
  filled.source ??= integration.source;
  if (integration.kind && integration.kind !== OUTCOME_KIND) filled.kind ??= integration.kind;
  return filled;
}

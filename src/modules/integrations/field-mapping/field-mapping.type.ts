/**
 * How a native payload becomes a Hearken feedback item. Keys are Hearken fields, dotted for nested
 * ones (`customer.email`, `metadata.formId`); values are a JSONPath (see json-path.ts) or a spec
 * with a value map (`{ promoter: 10 }`, compared as strings) and a default used when the path
 * yields nothing or an unmapped value.
 */
export type FieldMappingSpec = { path: string; map?: Record<string, string | number>; default?: unknown };

export type FieldMapping = Record<string, string | FieldMappingSpec>;

/** One integration's complete recipe, reused by docs, webhooks and e2e tests. */
export interface IntegrationMappingExample {
  name: string;
  /** When a delivery batches several items (Trustpilot's `events`), the path to that array. */
  itemsPath?: string;
  /** Fixed fields (kind, source, channel…); mapped values win over them when present. */
  constants: Record<string, unknown>;
  mapping: FieldMapping;
}

import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { compileErrors, validate } from '@readme/openapi-parser';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';

jest.setTimeout(60_000);

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  allOf?: unknown[];
};

/** The whole /docs-json document, checked by an OpenAPI validator and for what reflection gets wrong. */
describe(`OpenAPI document (${TEST_TARGET})`, () => {
  let t: TestApp;
  let doc: {
    paths: Record<
      string,
      Record<string, { parameters?: { name: string; in: string; required?: boolean }[] }>
    >;
    components: { schemas: Record<string, Schema> };
  };
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json();
  });
  afterAll(() => t?.close());

  it('is a valid OpenAPI document', async () => {
    const result = await validate(structuredClone(doc) as never);
    if (!result.valid) throw new Error(compileErrors(result));
    expect(result.valid).toBe(true);
  });

  it('types nullable scalars as what they are, never as a bare object', () => {
    const item = doc.components.schemas.FeedbackResponseDto.properties!;
    expect([item.rating.type, item.npsScore.type, item.language.type]).toEqual([
      'number',
      'integer',
      'string',
    ]);
    const bare: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas))
      for (const [field, property] of Object.entries(schema.properties ?? {}))
        // A nullable class reference comes out as { type: 'object', nullable: true, allOf: [$ref] }: not bare.
        if (
          property.type === 'object' &&
          !property.properties &&
          !property.allOf &&
          property.additionalProperties === undefined
        )
          bare.push(`${name}.${field}`);
    expect(bare).toEqual([]);
  });

  it('lists each header once per operation, Idempotency-Key optional', () => {
    for (const [path, operations] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(operations)) {
        const headers = (operation.parameters ?? []).filter((p) => p.in === 'header');
        const names = headers.map((h) => h.name.toLowerCase());
        expect({ at: `${method} ${path}`, names: [...new Set(names)] }).toEqual({
          at: `${method} ${path}`,
          names,
        });
      }
    const single = doc.paths['/api/v1/feedback'].post.parameters ?? [];
    expect(single.filter((p) => p.in === 'header')).toEqual([
      expect.objectContaining({ name: 'Idempotency-Key', required: false }),
    ]);
  });

  it('gives each documented class its own name (schemas are keyed by class name: a second one is dropped)', () => {
    const src = join(__dirname, '../../src');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(src, file), 'utf8');
      if (!text.includes('@nestjs/swagger')) continue;
      for (const [, name] of text.matchAll(/^(?:export )?class (\w+)/gm)) {
        if (seen.has(name)) clashes.push(`${name}: ${seen.get(name)} and ${file}`);
        else seen.set(name, file);
      }
    }
    expect(clashes).toEqual([]);
    expect(seen.size).toBeGreaterThan(20);
  });
});

import {
  BAD_UTF8,
  CSV_FORMULAS,
  DEEP,
  INJECTIONS,
  N_JSON,
  SCRIPT_INJECTION,
  seededRandom,
  SQL_INJECTION,
  WRONG_CONTENT_TYPES,
  wrongTypes,
} from './hostile-input';

/**
 * Walks an OpenAPI document and makes hostile requests for each of its operations (resilience scenario 7).
 * Each request is built when sent, from its own seed: deterministic, and the big ones never all in memory.
 */
const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  example?: unknown;
};
interface Operation {
  method: string;
  path: string;
  query: { name: string; type?: string }[];
  body?: Schema;
}
export interface HostileRequest {
  category: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** Refused by the body parser whatever the operation: malformed on any route. */
const PARSER_LEVEL = new Set([
  'invalid JSON (JSONTestSuite n_ cases)',
  'deep nesting',
  '__proto__ / constructor keys',
  'bad UTF-8 and lone surrogates',
  'wrong content type',
  'oversize body (> 1 MB)',
]);

export function operationsOf(doc: {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema> };
}): Operation[] {
  const resolve = (s: Schema | undefined): Schema | undefined =>
    s?.$ref ? doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')] : s;
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = raw as {
        parameters?: { in: string; name: string; schema?: Schema }[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      };
      const query = (op.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, type: resolve(p.schema)?.type }));
      const body = resolve(op.requestBody?.content?.['application/json']?.schema);
      ops.push({ method: method.toUpperCase(), path, query, body: body ? expand(body, resolve) : undefined });
    }
  }
  return ops;
}

/** The first alternative of a oneOf/anyOf, refs resolved one level down: enough to know each field's type. */
function expand(schema: Schema, resolve: (s: Schema | undefined) => Schema | undefined): Schema {
  const first = resolve(schema.oneOf?.[0] ?? schema.anyOf?.[0] ?? schema) ?? schema;
  const properties = Object.fromEntries(
    Object.entries(first.properties ?? {}).map(([k, v]) => [k, resolve(v) ?? v]),
  );
  return { ...first, properties };
}

/** A plausible value for a field: its example, else its first enum value, else something of its type. */
function sample(schema: Schema | undefined): unknown {
  if (!schema) return 'x';
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sample(v)]));
    case 'array':
      return [sample(schema.items)];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    default:
      return schema.format === 'date-time' || schema.format === 'date' ? '2026-10-01T00:00:00Z' : 'x';
  }
}

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) is sent as the bytes a careless encoder
 * would write (CESU-8, e.g. %ED%A0%80): invalid UTF-8 in the URL, which is the point.
 */
function encodeQuery(value: string): string {
  return [...value]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff)
        return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('');
      return encodeURIComponent(ch);
    })
    .join('');
}

/** `count` hostile requests spread over every operation, each a category that fits its method. */
export function hostileRequests(
  count: number,
  ops: Operation[],
  key: string,
  realIds: Record<string, string>,
): { category: string; build: () => HostileRequest }[] {
  const choose = seededRandom(7);
  // Each request is built when sent (the big ones would not fit in memory all at once), from its own seed.
  let next = choose;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const auth = { authorization: `Bearer ${key}` };
  const json = { ...auth, 'content-type': 'application/json' };
  const pathOf = (op: Operation, inject?: string) =>
    op.path.replace(/\{[^}]+\}/g, () => {
      if (inject !== undefined) return encodeQuery(inject);
      if (op.method === 'DELETE') return SAMPLE_ID; // a real id would be a valid request that erases something
      const real = Object.entries(realIds).find(([prefix]) => op.path.startsWith(prefix));
      return real ? real[1] : SAMPLE_ID;
    });
  const withQuery = (path: string, params: [string, string][]) =>
    params.length
      ? `${path}?${params.map(([k, v]) => `${encodeQuery(k)}=${encodeQuery(v)}`).join('&')}`
      : path;
  const base = (op: Operation): Record<string, unknown> => {
    const value = structuredClone(sample(op.body));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  };
  const fields = (op: Operation) => Object.keys(op.body?.properties ?? {});

  const forAnyMethod: Record<string, (op: Operation) => HostileRequest> = {
    'injection in query parameters': (op) => {
      const params: [string, string][] = op.query.map((q) => [q.name, pick(INJECTIONS)]);
      params.push(['__proto__', pick(SQL_INJECTION)], ['constructor[prototype][admin]', 'true']);
      return { category: '', method: op.method, url: withQuery(pathOf(op), params), headers: auth };
    },
    'wrong types in query parameters': (op) => {
      const params: [string, string][] = op.query.map((q) => [
        q.name,
        String(pick(wrongTypes(q.type === 'string' ? 'number' : 'string'))),
      ]);
      params.push(['limit', '-1'], ['limit', '1e9'], ['cursor', pick(N_JSON)]);
      return { category: '', method: op.method, url: withQuery(pathOf(op), params), headers: auth };
    },
    'injection in path parameters': (op) => ({
      category: '',
      method: op.method,
      url: withQuery(pathOf(op, pick(INJECTIONS)), []),
      headers: auth,
    }),
    'CSV formulas in query, Accept: text/csv': (op) => ({
      category: '',
      method: op.method,
      url: withQuery(
        pathOf(op),
        op.query.map((q) => [q.name, pick(CSV_FORMULAS)]),
      ),
      headers: { ...auth, accept: 'text/csv' },
    }),
    'huge query parameter (8-15 KB)': (op) => ({
      category: '',
      method: op.method,
      url: withQuery(pathOf(op), [[op.query[0]?.name ?? 'q', 'x'.repeat(pick([8_000, 15_000]))]]),
      headers: auth,
    }),
  };
  const forBodies: Record<string, (op: Operation) => HostileRequest> = {
    'invalid JSON (JSONTestSuite n_ cases)': (op) => ({
      category: '',
      method: op.method,
      url: pathOf(op),
      headers: json,
      body: pick(N_JSON),
    }),
    'wrong types in body fields': (op) => {
      const body = base(op);
      const names = fields(op);
      if (!names.length)
        return {
          category: '',
          method: op.method,
          url: pathOf(op),
          headers: json,
          body: JSON.stringify(pick([123, 'text', [], true, [1, 2]])),
        };
      const name = pick(names);
      body[name] = pick(wrongTypes(op.body?.properties?.[name]?.type));
      return { category: '', method: op.method, url: pathOf(op), headers: json, body: JSON.stringify(body) };
    },
    'wrong top-level type': (op) => ({
      category: '',
      method: op.method,
      url: pathOf(op),
      headers: json,
      // Not null: operations with an optional body (rotate-secret) take a JSON null as "no body".
      body: JSON.stringify(pick([[base(op)], 'a string', 42, true, [[[]]]])),
    }),
    'deep nesting': (op) => ({
      category: '',
      method: op.method,
      url: pathOf(op),
      headers: json,
      body: pick(DEEP),
    }),
    'huge strings and arrays': (op) => {
      const body = base(op);
      const name = fields(op)[0] ?? 'items';
      body[name] = pick([
        () => 'x'.repeat(200_000),
        () => Array.from({ length: 50_000 }, (_, i) => i),
        () => Array.from({ length: 1_000 }, () => base(op)),
      ])();
      return { category: '', method: op.method, url: pathOf(op), headers: json, body: JSON.stringify(body) };
    },
    '__proto__ / constructor keys': (op) => {
      const hostile = pick([
        '{"__proto__":{"isAdmin":true}}',
        '{"constructor":{"prototype":{"isAdmin":true}}}',
        '{"metadata":{"__proto__":{"polluted":1}}}',
        '{"customer":{"attributes":{"constructor":{"prototype":{"x":1}}}}}',
        '[{"prototype":1}]',
      ]);
      const merged = `${JSON.stringify(base(op)).slice(0, -1)},${hostile.slice(1)}`;
      return {
        category: '',
        method: op.method,
        url: pathOf(op),
        headers: json,
        body: pick([hostile, merged.startsWith('{') && hostile.startsWith('{') ? merged : hostile]),
      };
    },
    'bad UTF-8 and lone surrogates': (op) => ({
      category: '',
      method: op.method,
      url: pathOf(op),
      headers: json,
      // JSON.stringify writes a lone surrogate as its \ud800 escape: valid JSON text, not a valid string.
      body: op.body
        ? pick([
            pick(BAD_UTF8),
            JSON.stringify({ ...base(op), text: pick(['\ud800', 'a\udfffb', '\udbff']) }),
          ])
        : pick(BAD_UTF8),
    }),
    'wrong content type': (op) => {
      const type = pick(WRONG_CONTENT_TYPES);
      const headers: Record<string, string> = { ...auth };
      if (type) headers['content-type'] = type;
      return {
        category: '',
        method: op.method,
        url: pathOf(op),
        headers,
        body: pick([JSON.stringify(base(op)), 'text=hello&rating=1', '<feedback/>']),
      };
    },
    'oversize body (> 1 MB)': (op) => ({
      category: '',
      method: op.method,
      url: pathOf(op),
      headers: json,
      body: JSON.stringify({ ...base(op), text: 'x'.repeat(1024 * 1024 + pick([1, 1000, 100_000])) }),
    }),
    'SQL and script injection in every body field': (op) => {
      const body = base(op);
      for (const name of fields(op)) body[name] = pick([...SQL_INJECTION, ...SCRIPT_INJECTION]);
      const headers: Record<string, string> = {
        ...json,
        'idempotency-key': pick(SQL_INJECTION).replace(/[^\x21-\x7e]/g, ''),
      };
      return { category: '', method: op.method, url: pathOf(op), headers, body: JSON.stringify(body) };
    },
  };

  return Array.from({ length: count }, (_, i) => {
    const op = ops[i % ops.length];
    const canHaveBody = op.method !== 'GET' && op.method !== 'DELETE';
    const menu = { ...forAnyMethod, ...(canHaveBody ? forBodies : {}) };
    const names = Object.keys(menu).filter((n) => {
      if (n === 'injection in path parameters') return op.path.includes('{');
      // An action whose body is optional (POST /analysis/reprocess) is a valid request when sent without one,
      // or with a well-formed JSON body or an unknown query parameter it ignores: there only what no parser
      // accepts is hostile. Query-string cases therefore go to reads (GET) and to DELETE.
      if (canHaveBody && !op.body && n in forBodies) return PARSER_LEVEL.has(n);
      if (canHaveBody && n in forAnyMethod) return false;
      return true;
    });
    const category = names[Math.floor(choose() * names.length)];
    return {
      category,
      build: () => {
        next = seededRandom(1_000 + i);
        return { ...menu[category](op), category };
      },
    };
  });
}

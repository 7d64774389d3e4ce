import { mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { validateFeedbackInput } from '../../src/modules/feedback/validation/validate-feedback-input';
import type { FeedbackFileItem, ReadProgress } from './feedback-file-item.type';
import { detectFormat, readFeedbackFile, ReadFeedbackFileOptions } from './read-feedback-file';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'hearken-import-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(name: string, content: string | Buffer, options?: ReadFeedbackFileOptions) {
  const path = join(dir, name);
  writeFileSync(path, content);
  const items: FeedbackFileItem[] = [];
  for await (const item of readFeedbackFile(path, options)) items.push(item);
  return items;
}

describe('readFeedbackFile (ndjson)', () => {
  it('yields parsed lines with line numbers, skipping blank lines and reporting bad ones', async () => {
    const content = '\ufeff{"kind":"review","n":1}\r\n\n  \n{"n":2}\nnot json\n{"n":"é"}';
    const items = await readAll('a.ndjson', content);
    expect(items).toEqual([
      { lineNumber: 1, raw: { kind: 'review', n: 1 } },
      { lineNumber: 4, raw: { n: 2 } },
      { lineNumber: 5, raw: undefined, error: expect.stringMatching(/^invalid JSON/) },
      { lineNumber: 6, raw: { n: 'é' } },
    ]);
  });

  it('reports invalid UTF-8 and over-long lines, then carries on', async () => {
    const content = Buffer.concat([
      Buffer.from('{"a":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}\n{"b":"' + 'x'.repeat(500) + '"}\n{"c":1}\n'),
    ]);
    const items = await readAll('b.ndjson', content, { maxLineBytes: 100 });
    expect(items.map((item) => [item.lineNumber, item.error ?? item.raw])).toEqual([
      [1, 'line is not valid UTF-8'],
      [2, 'line is longer than 100 bytes'],
      [3, { c: 1 }],
    ]);
  });

  it('keeps lines and multi-byte characters intact across 64 KiB chunk boundaries', async () => {
    const lines = Array.from({ length: 5_000 }, (_, i) =>
      JSON.stringify({ i, text: `€ naïve ${'ü'.repeat(i % 37)} 😀` }),
    );
    const items = await readAll('c.ndjson', lines.join('\n') + '\n');
    expect(items).toHaveLength(5_000);
    expect(items.every((item, i) => item.lineNumber === i + 1 && JSON.stringify(item.raw) === lines[i])).toBe(
      true,
    );
  });

  it('reports byte progress up to the file size', async () => {
    const progress: ReadProgress[] = [];
    const content = Array.from({ length: 20_000 }, (_, i) => `{"i":${i}}`).join('\n');
    await readAll('d.ndjson', content, { onProgress: (p) => progress.push(p) });
    const total = Buffer.byteLength(content);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({ bytesRead: total, totalBytes: total });
    expect(progress.every((p, i) => i === 0 || p.bytesRead >= progress[i - 1].bytesRead)).toBe(true);
  });

  it('streams a large file without holding it in memory', async () => {
    const path = join(dir, 'big.ndjson');
    const out = createWriteStream(path);
    const line = JSON.stringify({ kind: 'review', source: 'x', text: 'y'.repeat(900), rating: 4 }) + '\n';
    for (let i = 0; i < 60_000; i++)
      if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    await new Promise<void>((resolve) => out.end(resolve)); // ~56 MB
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapAfterGc = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = heapAfterGc();
    let peak = before;
    let count = 0;
    for await (const item of readFeedbackFile(path)) {
      if (item.raw && ++count % 10_000 === 0) peak = Math.max(peak, heapAfterGc());
    }
    expect(count).toBe(60_000);
    expect(peak - before).toBeLessThan(10 * 1024 * 1024);
  });
});

describe('readFeedbackFile (csv)', () => {
  it('nests dotted headers, parses numeric fields, omits empty cells', async () => {
    const csv = [
      'kind,source,externalId,rating,text,customer.email,customer.attributes.plan,npsScore,metadata',
      'review,trustpilot,00123,4,"Good, fast",a@b.io,pro,,',
      'survey_response,typeform,,,,,,9,"{""campaign"":""spring""}"',
    ].join('\n');
    const items = await readAll('a.csv', csv);
    expect(items).toEqual([
      {
        lineNumber: 2,
        raw: {
          kind: 'review',
          source: 'trustpilot',
          externalId: '00123',
          rating: 4,
          text: 'Good, fast',
          customer: { email: 'a@b.io', attributes: { plan: 'pro' } },
        },
      },
      {
        lineNumber: 3,
        raw: { kind: 'survey_response', source: 'typeform', npsScore: 9, metadata: { campaign: 'spring' } },
      },
    ]);
    expect(items.every((item) => validateFeedbackInput(item.raw).ok)).toBe(true);
  });

  it('keeps non-numeric numbers as strings for the validator to reject', async () => {
    const [item] = await readAll('b.csv', 'kind,source,rating\nreview,g2,four\n');
    expect(item.raw).toEqual({ kind: 'review', source: 'g2', rating: 'four' });
    expect(validateFeedbackInput(item.raw)).toMatchObject({ ok: false, errors: [{ field: 'rating' }] });
  });

  it('reports the start line of multi-line records and rows of the wrong width', async () => {
    const csv =
      'kind,source,text\ncall_note,aircall,"line one\nline two"\ncall_note,aircall\ncall_note,aircall,ok\n';
    const items = await readAll('c.csv', csv);
    expect(items.map((item) => [item.lineNumber, item.error ?? (item.raw as { text: string }).text])).toEqual(
      [
        [2, 'line one\nline two'],
        [4, 'has 2 cells, the header has 3'],
        [5, 'ok'],
      ],
    );
  });

  it('turns a hostile header into a visible key instead of touching prototypes', async () => {
    const [item] = await readAll('d.csv', 'kind,source,text,__proto__.polluted\nreview,g2,hi,yes\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(item.raw as object)).toContain('__proto__');
    expect(validateFeedbackInput(item.raw)).toMatchObject({ ok: false, errors: [{ field: '__proto__' }] });
  });

  it('ends with one error item when the CSV cannot be parsed further', async () => {
    const items = await readAll(
      'e.csv',
      'kind,source,text\nreview,g2,ok\nreview,g2,"unclosed\nreview,g2,x\n',
    );
    expect(items[0].raw).toMatchObject({ text: 'ok' });
    expect(items.at(-1)).toMatchObject({
      raw: undefined,
      fatal: true,
      error: expect.stringMatching(/cannot be parsed further/),
    });
  });

  it('picks the format from the extension unless told', () => {
    expect(detectFormat('x/feedback.CSV')).toBe('csv');
    expect(detectFormat('x/feedback.ndjson')).toBe('ndjson');
    expect(detectFormat('x/feedback.jsonl')).toBe('ndjson');
  });
});

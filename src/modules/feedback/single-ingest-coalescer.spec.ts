import type { IngestOptions, IngestOutcome } from './feedback-ingestion.service';
import { SingleIngestCoalescer } from './single-ingest-coalescer';

/** A stand-in for ingest(): records each call, answers after `release()`, fails items marked `boom`. */
function fakeIngest() {
  const calls: { raws: unknown[]; options: IngestOptions }[] = [];
  const gates: (() => void)[] = [];
  const ingest = async (raws: unknown[], options: IngestOptions): Promise<IngestOutcome[]> => {
    calls.push({ raws, options });
    await new Promise<void>((resolve) => gates.push(resolve));
    if (raws.some((r) => (r as { boom?: boolean }).boom)) throw new Error('transaction failed');
    return raws.map((r, index) => ({ index, status: 'created', id: `id-${(r as { n: number }).n}` }));
  };
  const release = async () => {
    for (let i = 0; i < 20; i++) {
      gates.splice(0).forEach((open) => open());
      await new Promise((r) => setImmediate(r));
    }
  };
  return { calls, ingest, release };
}

describe('SingleIngestCoalescer', () => {
  it('starts a lone item at once and gives each caller its own outcome with index 0', async () => {
    const fake = fakeIngest();
    const coalescer = new SingleIngestCoalescer(fake.ingest);
    const answer = coalescer.submit({ n: 1 }, {});
    expect(fake.calls).toHaveLength(1);
    await fake.release();
    await expect(answer).resolves.toEqual({ index: 0, status: 'created', id: 'id-1' });
  });

  it('puts what arrives while transactions are in flight into one shared call, per options', async () => {
    const fake = fakeIngest();
    const coalescer = new SingleIngestCoalescer(fake.ingest, 4);
    const first = Array.from({ length: 4 }, (_, n) => coalescer.submit({ n }, {}));
    const queued = Array.from({ length: 30 }, (_, n) => coalescer.submit({ n: 100 + n }, {}));
    const other = coalescer.submit({ n: 999 }, { defaultSource: 'csv' });
    expect(fake.calls).toHaveLength(4); // four in flight, the rest wait
    await fake.release();
    const answers = await Promise.all([...first, ...queued, other]);
    expect(answers.map((a) => (a as { id: string }).id)).toEqual([
      ...[0, 1, 2, 3].map((n) => `id-${n}`),
      ...Array.from({ length: 30 }, (_, n) => `id-${100 + n}`),
      'id-999',
    ]);
    expect(fake.calls.slice(4).map((c) => [c.raws.length, c.options.defaultSource])).toEqual([
      [30, undefined],
      [1, 'csv'],
    ]);
  });

  it('retries a failed shared call item by item, so only the failing item fails', async () => {
    const fake = fakeIngest();
    const coalescer = new SingleIngestCoalescer(fake.ingest, 4);
    const busy = Array.from({ length: 4 }, (_, n) => coalescer.submit({ n }, {}));
    const good = coalescer.submit({ n: 10 }, {});
    const bad = coalescer.submit({ n: 11, boom: true }, {}).then(
      () => 'stored',
      (error: Error) => error.message,
    );
    await fake.release();
    await Promise.all(busy);
    await expect(good).resolves.toMatchObject({ status: 'created', id: 'id-10' });
    expect(await bad).toBe('transaction failed');
    expect(fake.calls.slice(4).map((c) => c.raws.length)).toEqual([2, 1, 1]);
  });
});

import type { IngestOptions, IngestOutcome } from '../../src/modules/feedback/feedback-ingestion.service';
import { routeByType } from './route-by-type';

function recorder(name: string) {
  const calls: { raws: unknown[]; options?: IngestOptions }[] = [];
  return {
    calls,
    ingest: (raws: unknown[], options?: IngestOptions): Promise<IngestOutcome[]> => {
      calls.push({ raws, options });
      return Promise.resolve(
        raws.map((_, index) => ({ index, status: 'created' as const, id: `${name}-${index}` })),
      );
    },
  };
}

describe('routeByType', () => {
  it('sends lines with a type to outcomes and the rest to feedback, keeping line order', async () => {
    const [feedback, outcomes] = [recorder('f'), recorder('o')];
    const raws = [{ kind: 'review' }, { type: 'lifecycle' }, { kind: 'call_note' }, { type: 'referral' }];
    const results = await routeByType(feedback, outcomes, 'auto').ingest(raws, { defaultKind: 'review' });
    expect(results.map((r) => [r.index, (r as { id: string }).id])).toEqual([
      [0, 'f-0'],
      [1, 'o-0'],
      [2, 'f-1'],
      [3, 'o-1'],
    ]);
    expect(outcomes.calls[0].options).toEqual({ defaultSource: undefined });
    expect(feedback.calls[0].options).toEqual({ defaultKind: 'review' });
  });

  it('sends everything one way when the type is given', async () => {
    const [feedback, outcomes] = [recorder('f'), recorder('o')];
    await routeByType(feedback, outcomes, 'outcomes').ingest([{ kind: 'review' }], { defaultSource: 's' });
    expect(feedback.calls).toHaveLength(0);
    expect(outcomes.calls[0]).toEqual({ raws: [{ kind: 'review' }], options: { defaultSource: 's' } });
  });
});

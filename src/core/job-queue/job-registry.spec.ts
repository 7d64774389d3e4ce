import { randomUUID } from 'node:crypto';
import { mergeOutboxMessages } from '../outbox/merge-outbox-messages';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity';
import { MAX_PAYLOAD_BYTES } from './job-queue.service';
import { FOLD_BATCH_SIZE, JobName } from './job-registry';

describe('the fold job of outcome figures', () => {
  const message = (ids: string[]) =>
    Object.assign(new OutboxMessageEntity(), {
      id: randomUUID(),
      jobName: JobName.FoldOutcomeFigures,
      payload: { outcomeIds: ids },
      createdAt: new Date(),
    });

  it('carries at most FOLD_BATCH_SIZE ids, which fit in a queue payload, however many rows a burst merges', () => {
    const burst = Array.from({ length: 7 }, () => message(Array.from({ length: 300 }, () => randomUUID())));
    const jobs = mergeOutboxMessages(burst);
    expect(jobs.flatMap((j) => j.payload.outcomeIds as string[])).toHaveLength(2_100);
    for (const job of jobs) {
      expect((job.payload.outcomeIds as string[]).length).toBeLessThanOrEqual(FOLD_BATCH_SIZE);
      expect(Buffer.byteLength(JSON.stringify(job.payload))).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    }
    expect(jobs.filter((j) => (j.payload.outcomeIds as string[]).length === FOLD_BATCH_SIZE).length).toBe(5);
  });
});

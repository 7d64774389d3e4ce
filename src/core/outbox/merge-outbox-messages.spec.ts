import { JobName } from '../job-queue/job-registry';
import { mergeOutboxMessages } from './merge-outbox-messages';
import { OutboxMessageEntity } from './outbox-message.entity';

const row = (id: string, jobName: JobName, payload: Record<string, unknown>) =>
  Object.assign(new OutboxMessageEntity(), { id, jobName, payload, createdAt: new Date() });

describe('mergeOutboxMessages', () => {
  it('merges analysis rows into batch jobs of at most 200 ids, keeping every id once', () => {
    const rows = Array.from({ length: 250 }, (_, i) =>
      row(`m${i}`, JobName.AnalyseFeedback, { feedbackIds: [`f${i}`, `g${i}`] }),
    );
    const jobs = mergeOutboxMessages(rows);
    expect(jobs.map((j) => (j.payload.feedbackIds as string[]).length)).toEqual([200, 200, 100]);
    const ids = jobs.flatMap((j) => j.payload.feedbackIds as string[]);
    expect(new Set(ids).size).toBe(500);
    expect(jobs[0].jobId).toBe('outbox:m0:0');
    expect(new Set(jobs.map((j) => j.jobId)).size).toBe(3);
  });

  it('keeps payloads that differ apart from the array apart', () => {
    const jobs = mergeOutboxMessages([
      row('a', JobName.AnalyseFeedback, { feedbackIds: ['1'] }),
      row('b', JobName.AnalyseFeedback, { feedbackIds: ['2'], reprocessId: 'r' }),
      row('c', JobName.AnalyseFeedback, { feedbackIds: ['3'] }),
    ]);
    expect(jobs.map((j) => j.payload)).toEqual([
      { feedbackIds: ['1', '3'] },
      { reprocessId: 'r', feedbackIds: ['2'] },
    ]);
  });

  it('sends jobs that are not mergeable one by one', () => {
    const jobs = mergeOutboxMessages([
      row('p1', JobName.SystemPing, { pingId: 'x' }),
      row('p2', JobName.SystemPing, { pingId: 'y' }),
    ]);
    expect(jobs).toEqual([
      { jobName: JobName.SystemPing, payload: { pingId: 'x' }, jobId: 'outbox:p1' },
      { jobName: JobName.SystemPing, payload: { pingId: 'y' }, jobId: 'outbox:p2' },
    ]);
  });
});

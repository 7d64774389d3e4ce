import { JOB_DEFINITIONS, JobName } from '../job-queue/job-registry';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface QueuedJob {
  jobName: JobName;
  payload: Record<string, unknown>;
  jobId: string;
}

/**
 * Turns outbox rows into jobs, merging the rows of a mergeable job (same name, same payload but for the
 * merge array) into as few jobs as the array limit allows. The job id names the first row it carries.
 */
export function mergeOutboxMessages(messages: OutboxMessageEntity[]): QueuedJob[] {
  const jobs: QueuedJob[] = [];
  const groups = new Map<
    string,
    { first: OutboxMessageEntity; field: string; max: number; items: unknown[]; ids: string[] }
  >();
  for (const m of messages) {
    const jobName = m.jobName as JobName;
    const merge = JOB_DEFINITIONS[jobName]?.mergeArray;
    const items = merge ? m.payload[merge.field] : undefined;
    if (!merge || !Array.isArray(items)) {
      jobs.push({ jobName, payload: m.payload, jobId: `outbox:${m.id}` });
      continue;
    }
    const rest = Object.fromEntries(Object.entries(m.payload).filter(([k]) => k !== merge.field));
    const key = `${jobName}\u0000${JSON.stringify(rest)}`;
    const group = groups.get(key) ?? { first: m, field: merge.field, max: merge.max, items: [], ids: [] };
    group.items.push(...items);
    group.ids.push(m.id);
    groups.set(key, group);
  }
  for (const g of groups.values()) {
    const rest = Object.fromEntries(Object.entries(g.first.payload).filter(([k]) => k !== g.field));
    for (let i = 0; i < g.items.length; i += g.max) {
      jobs.push({
        jobName: g.first.jobName as JobName,
        payload: { ...rest, [g.field]: g.items.slice(i, i + g.max) },
        jobId: `outbox:${g.ids[0]}:${i}`,
      });
    }
  }
  return jobs;
}

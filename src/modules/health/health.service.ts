import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobQueueService } from '../../core/job-queue/job-queue.service';

export type CheckState = 'up' | 'down';
export interface HealthReport {
  status: 'ok' | 'error';
  checks: { database: CheckState; queue: CheckState };
}

const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueueService,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, queue] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1').then(() => true)),
      probe(() => this.queue.isHealthy()),
    ]);
    return { status: database === 'up' && queue === 'up' ? 'ok' : 'error', checks: { database, queue } };
  }
}

async function probe(check: () => Promise<boolean>): Promise<CheckState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>(
    (resolve) => (timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS)),
  );
  try {
    return (await Promise.race([check(), timeout])) ? 'up' : 'down';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

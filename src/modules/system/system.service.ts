import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { JobName } from '../../core/job-queue/job-registry';
import { JobQueueService } from '../../core/job-queue/job-queue.service';
import { SystemPingEntity } from './entities/system-ping.entity';

/** Who this process is, for answering "which process ran my job?". */
export function processLabel(config: AppConfig): string {
  return `${hostname()}:${process.pid}:${config.role}`;
}

@Injectable()
export class SystemService {
  private readonly pings: Repository<SystemPingEntity>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly queue: JobQueueService,
    private readonly config: AppConfig,
  ) {
    this.pings = dataSource.getRepository(SystemPingEntity);
  }

  async requestPing(): Promise<SystemPingEntity> {
    const ping = Object.assign(new SystemPingEntity(), {
      id: randomUUID(),
      requestedAt: new Date(),
      requestedBy: processLabel(this.config),
      processedAt: null,
      processedBy: null,
    });
    await this.pings.insert(ping);
    await this.queue.enqueue(JobName.SystemPing, { pingId: ping.id }, { jobId: `ping:${ping.id}` });
    return ping;
  }

  findPing(id: string): Promise<SystemPingEntity | null> {
    return this.pings.findOne({ where: { id } });
  }

  async completePing(id: string): Promise<void> {
    await this.pings.update({ id }, { processedAt: new Date(), processedBy: processLabel(this.config) });
  }
}

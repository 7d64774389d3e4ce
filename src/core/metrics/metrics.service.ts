import { Injectable, OnModuleInit } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { JobQueueService } from '../job-queue/job-queue.service';

/** Prometheus metrics of this process: HTTP latency, queue depth, job outcomes, Node runtime. */
@Injectable()
export class MetricsService implements OnModuleInit {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'hearken_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  private readonly jobs = new Counter({
    name: 'hearken_jobs_total',
    help: 'Jobs finished by this process, by outcome (completed, failed, retried)',
    labelNames: ['job', 'outcome'],
    registers: [this.registry],
  });

  private readonly jobDuration = new Histogram({
    name: 'hearken_job_duration_seconds',
    help: 'Job run time',
    labelNames: ['job'],
    buckets: [0.005, 0.025, 0.1, 0.5, 1, 5, 30],
    registers: [this.registry],
  });

  constructor(private readonly queue: JobQueueService) {
    const queue_ = queue;
    new Gauge({
      name: 'hearken_queue_jobs',
      help: 'Jobs in the queue by state',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        const counts = await queue_.counts().catch(() => undefined);
        if (!counts) return;
        for (const [state, value] of Object.entries(counts)) this.set({ state }, value);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'hearken_' });
  }

  onModuleInit(): void {
    this.queue.onJobEvent((e) => {
      this.jobs.inc({ job: e.name, outcome: e.event });
      if (e.event !== 'retried') this.jobDuration.observe({ job: e.name }, e.durationMs / 1000);
    });
  }

  observeHttp(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}

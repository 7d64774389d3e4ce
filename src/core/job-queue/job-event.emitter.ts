import { Injectable, Logger } from '@nestjs/common';
import { JobName } from './job-registry';

/** One finished try. `retried`: it failed and will run again; `failed`: it failed for the last time. */
export interface JobEvent {
  name: JobName;
  event: 'completed' | 'failed' | 'retried';
  durationMs: number;
  error?: string;
}

export type JobEventListener = (event: JobEvent) => void;

/** Fans job outcomes out to observers (metrics); an observer that throws never fails the job. */
@Injectable()
export class JobEventEmitter {
  private readonly logger = new Logger('JobQueue');
  private readonly listeners: JobEventListener[] = [];

  subscribe(listener: JobEventListener): void {
    this.listeners.push(listener);
  }

  emit(event: JobEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error(`A job event listener threw: ${(error as Error).message}`);
      }
    }
  }
}

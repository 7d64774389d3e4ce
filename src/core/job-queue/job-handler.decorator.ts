import { JobName, JobPayloads } from './job-registry';

export const JOB_HANDLER_METADATA = 'hearken:job-handler';

/** What a handler learns about the try it is running, besides the payload. */
export interface JobContext {
  jobId: string;
  name: JobName;
  /** 1-based; greater than 1 on retries. */
  attempt: number;
}

export type JobHandlerMethod<N extends JobName> = (
  payload: JobPayloads[N],
  context: JobContext,
) => Promise<void>;

/**
 * Marks the one method that runs jobs named `name`. The method must be on a singleton provider of a module
 * the app imports; it throws to fail the try (and so trigger a retry) and must be safe to run twice.
 * The payload type is checked against `JobPayloads[name]` at compile time.
 */
export function JobHandler<N extends JobName>(name: N) {
  // Generic over the method type: a fixed descriptor type would reject handlers that omit the context.
  return <M extends JobHandlerMethod<N>>(
    _target: object,
    _key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    Reflect.defineMetadata(JOB_HANDLER_METADATA, name, descriptor.value as object);
  };
}

import { createWriteStream, WriteStream } from 'node:fs';
import type { ImportReject } from './import-feedback';

export interface RejectsFileWriter {
  write(reject: ImportReject): Promise<void>;
  /** Resolves once everything is on disk; true when the file was written at all. */
  close(): Promise<boolean>;
}

/** NDJSON of rejected lines (`{"line":7,"errors":[…],"item":{…}}`), created on the first reject only. */
export function createRejectsFileWriter(path: string): RejectsFileWriter {
  let stream: WriteStream | undefined;
  let failure: Error | undefined;
  let closed: Promise<boolean> | undefined;
  return {
    async write(reject) {
      if (failure) throw failure;
      if (!stream) {
        stream = createWriteStream(path, { flags: 'w' });
        stream.on('error', (error) => (failure = error));
      }
      if (!stream.write(JSON.stringify(reject) + '\n'))
        await new Promise<void>((resolve) => stream!.once('drain', () => resolve()));
    },
    close() {
      const open = stream;
      closed ??= open
        ? new Promise<boolean>((resolve, reject) =>
            open.end(() => (failure ? reject(failure) : resolve(true))),
          )
        : Promise.resolve(false);
      return closed;
    },
  };
}

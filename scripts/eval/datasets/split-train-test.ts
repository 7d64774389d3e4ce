import { createHash } from 'node:crypto';

export interface TrainTestSplit<T> {
  train: T[];
  test: T[];
}

/**
 * Deterministic split by hashing each row's key: the same id always lands on the same side, whatever the
 * row order, so duplicated ids never straddle the split and figures are reproducible across runs.
 */
export function splitTrainTest<T>(rows: T[], key: (r: T) => string, testShare = 0.2): TrainTestSplit<T> {
  const train: T[] = [];
  const test: T[] = [];
  for (const row of rows) {
    (hashShare(key(row)) < testShare ? test : train).push(row);
  }
  return { train, test };
}

/** Maps a key to [0, 1) uniformly enough for splitting (first 32 bits of its SHA-1). */
export function hashShare(key: string): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) / 0x100000000;
}

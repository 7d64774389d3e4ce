/**
 * Weights travel as base64 of int16 values scaled by a per-matrix step: ~2.7 characters a weight in JSON
 * instead of ~10, and a rounding error (step / 2) far below what changes a prediction.
 */
export interface CompactWeights {
  step: number;
  data: string;
}

export function packWeights(weights: ArrayLike<number>): CompactWeights {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]));
  const step = max > 0 ? max / 32767 : 1;
  const ints = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) ints[i] = Math.round(weights[i] / step);
  return { step, data: Buffer.from(ints.buffer, ints.byteOffset, ints.byteLength).toString('base64') };
}

export function unpackWeights(packed: CompactWeights): Float64Array {
  const bytes = Buffer.from(packed.data, 'base64');
  const ints = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const weights = new Float64Array(ints.length);
  for (let i = 0; i < ints.length; i++) weights[i] = ints[i] * packed.step;
  return weights;
}

/** A feature vector as parallel arrays of feature indices and values (indices need not be sorted). */
export interface SparseVector {
  indices: number[];
  values: number[];
}

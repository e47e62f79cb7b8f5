import type { Matrix, Vector } from '../shared/types';

/**
 * ∂E/∂b for a layer `z = x · W + b`: since ∂z[c]/∂b[c] = 1,
 * `∂E/∂b[c] = δ[c]`. Returns a new array.
 */
export function biasGradient(delta: Vector): Vector {
  return [...delta];
}

/**
 * ∂E/∂b for a batch whose loss is the mean of the examples' losses.
 * `deltas[e]` is example e's delta, so this is the mean over examples (rows):
 * `∂E/∂b[c] = (1/m) Σ_e deltas[e][c]`.
 */
export function batchBiasGradient(deltas: Matrix): Vector {
  const m = deltas.length;
  return deltas[0].map((_, c) => deltas.reduce((sum, row) => sum + row[c], 0) / m);
}

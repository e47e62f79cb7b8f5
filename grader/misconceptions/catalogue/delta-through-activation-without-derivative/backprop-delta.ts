import type { Matrix, Vector } from '../shared/types';

/**
 * ∂E/∂(previous layer's output) from this layer's delta δ = ∂E/∂z, for `z = x · W + b`:
 * `∂E/∂x[r] = Σ_c W[r][c] · δ[c]` (i.e. W · δ).
 */
export function backpropToPreviousLayer(delta: Vector, W: Matrix): Vector {
  return W.map((row) => row.reduce((sum, w, c) => sum + w * delta[c], 0));
}

/** Through an element-wise activation out = f(in). */
export function deltaThroughActivation(dE_dout: Vector, activationDerivative: Vector): Vector {
  return [...dE_dout];
}

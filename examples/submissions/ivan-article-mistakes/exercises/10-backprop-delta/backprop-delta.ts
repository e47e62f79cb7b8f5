import type { Matrix, Vector } from '../shared/types';

/**
 * ∂E/∂(previous layer's output) from this layer's delta δ = ∂E/∂z, for `z = x · W + b`:
 * `∂E/∂x[r] = Σ_c W[r][c] · δ[c]` (i.e. W · δ).
 *
 * Each x[r] feeds every z[c], so it collects a contribution from every column,
 * not only from W[r][r].
 */
export function backpropToPreviousLayer(delta: Vector, W: Matrix): Vector {
  return W.map((row, r) => row[r] * delta[r]);
}

/**
 * Through an element-wise activation out = f(in):
 * `∂E/∂in[a] = ∂E/∂out[a] · f′(in[a])`.
 */
export function deltaThroughActivation(dE_dout: Vector, activationDerivative: Vector): Vector {
  return dE_dout.map((g, a) => g * activationDerivative[a]);
}

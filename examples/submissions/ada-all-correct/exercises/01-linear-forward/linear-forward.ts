import type { Matrix, Vector } from '../shared/types';

/**
 * One layer's pre-activation: `z = x · W + b`.
 *
 * `W[r][c]` connects input neuron r to output neuron c, so
 * `z[c] = Σ_r x[r] · W[r][c] + b[c]`. Works for any layer width.
 *
 * Example (the article's layer 1): x = [0.1, 0.2, 0.7], W = W_ij, b = [1, 1, 1]
 * gives h1_in = [1.35, 1.27, 1.8].
 */
export function linearForward(x: Vector, W: Matrix, b: Vector): Vector {
  return b.map((bias, c) => x.reduce((sum, xr, r) => sum + xr * W[r][c], bias));
}

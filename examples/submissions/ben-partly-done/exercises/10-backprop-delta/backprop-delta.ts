// Exercise 10-backprop-delta: Backpropagating a delta to the previous layer.
// Replace each TODO with your code. Check it with: npx vitest exercises/10-backprop-delta
// Generated from the reference solution by `backprop-kit stubs`: keep the signatures.
import type { Matrix, Vector } from '../shared/types';
import { NotImplementedError } from '../shared/not-implemented';

/**
 * ∂E/∂(previous layer's output) from this layer's delta δ = ∂E/∂z, for `z = x · W + b`:
 * `∂E/∂x[r] = Σ_c W[r][c] · δ[c]` (i.e. W · δ).
 *
 * Each x[r] feeds every z[c], so it collects a contribution from every column,
 * not only from W[r][r].
 */
export function backpropToPreviousLayer(delta: Vector, W: Matrix): Vector {
  // TODO: implement backpropToPreviousLayer (see the comment above and README.md).
  throw new NotImplementedError('10-backprop-delta', 'backpropToPreviousLayer');
}

/**
 * Through an element-wise activation out = f(in):
 * `∂E/∂in[a] = ∂E/∂out[a] · f′(in[a])`.
 */
export function deltaThroughActivation(dE_dout: Vector, activationDerivative: Vector): Vector {
  // TODO: implement deltaThroughActivation (see the comment above and README.md).
  throw new NotImplementedError('10-backprop-delta', 'deltaThroughActivation');
}

// Exercise 11-bias-gradient: Bias gradients.
// Replace each TODO with your code. Check it with: npx vitest exercises/11-bias-gradient
// Generated from the reference solution by `backprop-kit stubs`: keep the signatures.
import type { Matrix, Vector } from '../shared/types';
import { NotImplementedError } from '../shared/not-implemented';

/**
 * ∂E/∂b for a layer `z = x · W + b`: since ∂z[c]/∂b[c] = 1,
 * `∂E/∂b[c] = δ[c]`. Returns a new array.
 */
export function biasGradient(delta: Vector): Vector {
  // TODO: implement biasGradient (see the comment above and README.md).
  throw new NotImplementedError('11-bias-gradient', 'biasGradient');
}

/**
 * ∂E/∂b for a batch whose loss is the mean of the examples' losses.
 * `deltas[e]` is example e's delta, so this is the mean over examples (rows):
 * `∂E/∂b[c] = (1/m) Σ_e deltas[e][c]`.
 */
export function batchBiasGradient(deltas: Matrix): Vector {
  // TODO: implement batchBiasGradient (see the comment above and README.md).
  throw new NotImplementedError('11-bias-gradient', 'batchBiasGradient');
}

// Exercise 14-batch-gradients: Batch averaging.
// Replace each TODO with your code. Check it with: npx vitest exercises/14-batch-gradients
// Generated from the reference solution by `backprop-kit stubs`: keep the signatures.
import { crossEntropy } from '../05-cross-entropy/cross-entropy';
import { forwardPass } from '../07-forward-pass/forward-pass';
import { backwardPass } from '../12-backward-pass/backward-pass';
import type { Gradients, Matrix, Params } from '../shared/types';
import { NotImplementedError } from '../shared/not-implemented';

/** The element-wise mean of the examples' gradients (the batch loss is their mean loss). */
export function averageGradients(perExample: Gradients[]): Gradients {
  // TODO: implement averageGradients (see the comment above and README.md).
  throw new NotImplementedError('14-batch-gradients', 'averageGradients');
}

/**
 * Mean cross-entropy over a batch (`xs[e]` with target `ys[e]`) and its gradient:
 * `E = (1/m) Σ_e E_e`, so `∂E/∂θ = (1/m) Σ_e ∂E_e/∂θ`.
 */
export function batchGradients(xs: Matrix, ys: Matrix, params: Params): { loss: number; grads: Gradients } {
  // TODO: implement batchGradients (see the comment above and README.md).
  throw new NotImplementedError('14-batch-gradients', 'batchGradients');
}

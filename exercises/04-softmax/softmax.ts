// Exercise 04-softmax: Softmax and its full Jacobian.
// Replace each TODO with your code. Check it with: npx vitest exercises/04-softmax
// Generated from the reference solution by `backprop-kit stubs`: keep the signatures.
import type { Matrix, Vector } from '../shared/types';
import { NotImplementedError } from '../shared/not-implemented';

/**
 * Softmax: `O[a] = e^(z[a]) / Σ_b e^(z[b])`.
 *
 * Subtracting max(z) first leaves the result unchanged (the factor e^(−max)
 * cancels) and keeps e^(…) ≤ 1, so logits like [1000, 1001, 1002] do not
 * overflow to Infinity/Infinity = NaN.
 */
export function softmax(z: Vector): Vector {
  // TODO: implement softmax (see the comment above and README.md).
  throw new NotImplementedError('04-softmax', 'softmax');
}

/**
 * The full Jacobian of softmax at logits z:
 * `J[a][b] = ∂O[a]/∂z[b] = O[a] · (δ_ab − O[b])`.
 *
 * Every output depends on every logit, so the off-diagonal entries
 * (−O[a]·O[b]) are not zero. The article keeps only the diagonal.
 */
export function softmaxJacobian(z: Vector): Matrix {
  // TODO: implement softmaxJacobian (see the comment above and README.md).
  throw new NotImplementedError('04-softmax', 'softmaxJacobian');
}

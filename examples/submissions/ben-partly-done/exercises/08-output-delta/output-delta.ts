// Exercise 08-output-delta: Output delta through the softmax Jacobian.
// Replace each TODO with your code. Check it with: npx vitest exercises/08-output-delta
// Generated from the reference solution by `backprop-kit stubs`: keep the signatures.
import type { Matrix, Vector } from '../shared/types';
import { NotImplementedError } from '../shared/not-implemented';

/**
 * Carries ∂E/∂O_out back through softmax (a vector–Jacobian product):
 * `δ[b] = ∂E/∂O_in[b] = Σ_a ∂E/∂O_out[a] · J[a][b]`, with `J[a][b] = ∂O_out[a]/∂O_in[b]`.
 *
 * Every output depends on every logit, so each δ[b] sums over all outputs a,
 * not just a = b.
 */
export function outputDelta(dE_dO_out: Vector, jacobian: Matrix): Vector {
  // TODO: implement outputDelta (see the comment above and README.md).
  throw new NotImplementedError('08-output-delta', 'outputDelta');
}

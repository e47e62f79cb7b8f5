import type { Matrix, Vector } from '../shared/types';

/**
 * Carries ∂E/∂O_out back through softmax (a vector–Jacobian product):
 * `δ[b] = ∂E/∂O_in[b] = Σ_a ∂E/∂O_out[a] · J[a][b]`, with `J[a][b] = ∂O_out[a]/∂O_in[b]`.
 *
 * Every output depends on every logit, so each δ[b] sums over all outputs a,
 * not just a = b.
 */
export function outputDelta(dE_dO_out: Vector, jacobian: Matrix): Vector {
  return jacobian[0].map((_, b) => dE_dO_out.reduce((sum, g, a) => sum + g * jacobian[a][b], 0));
}

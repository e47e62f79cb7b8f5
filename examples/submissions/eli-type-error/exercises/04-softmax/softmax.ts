import type { Matrix, Vector } from '../shared/types';

/**
 * Softmax: `O[a] = e^(z[a]) / Σ_b e^(z[b])`.
 *
 * Subtracting max(z) first leaves the result unchanged (the factor e^(−max)
 * cancels) and keeps e^(…) ≤ 1, so logits like [1000, 1001, 1002] do not
 * overflow to Infinity/Infinity = NaN.
 */
export function softmax(z: Vector): Vector {
  const max = Math.max(...z);
  const exps = z.map((v) => Math.exp(v - max));
  const sum = exps.reduce((s, e) => s + e, 0);
  return exps.map((e) => e / sum);
}

/**
 * The full Jacobian of softmax at logits z:
 * `J[a][b] = ∂O[a]/∂z[b] = O[a] · (δ_ab − O[b])`.
 *
 * Every output depends on every logit, so the off-diagonal entries
 * (−O[a]·O[b]) are not zero. The article keeps only the diagonal.
 */
export function softmaxJacobian(z: Vector): Matrix {
  const O = softmax(z);
  return O.map((Oa, a) => O.map((Ob, b) => Oa * ((a === b ? 1 : 0) - Ob)));
}

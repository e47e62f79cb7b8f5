import type { Vector } from '../shared/types';

/**
 * Categorical cross-entropy: `E = −Σ_a y[a] · log(O[a])`.
 *
 * Terms with y[a] = 0 contribute exactly 0 (and are skipped, so that
 * O[a] = 0 there gives 0 rather than 0 · −∞ = NaN).
 */
export function crossEntropy(O: Vector, y: Vector): number {
  return y.reduce((sum, ya, a) => (ya === 0 ? sum : sum - ya * Math.log(O[a])), 0);
}

/**
 * ∂E/∂O_out: `∂E/∂O[a] = −y[a] / O[a]` (0 where y[a] = 0).
 */
export function crossEntropyGradient(O: Vector, y: Vector): Vector {
  return y.map((ya, a) => (ya === 0 ? 0 : -ya / O[a]));
}

/**
 * ∂E/∂O_in for softmax followed by cross-entropy, given the softmax output O:
 * `∂E/∂z[b] = Σ_a (−y[a]/O[a]) · O[a](δ_ab − O[b]) = O[b] − y[b]` (when Σ y = 1).
 */
export function softmaxCrossEntropyGradient(O: Vector, y: Vector): Vector {
  return O.map((Ob, b) => Ob - y[b]);
}

// Exercise 05-cross-entropy: Cross-entropy and its gradients.
// Replace each TODO with your code. Check it with: npx vitest exercises/05-cross-entropy
// Generated from the reference solution by `backprop-kit stubs`: keep the signatures.
import type { Vector } from '../shared/types';
import { NotImplementedError } from '../shared/not-implemented';

/**
 * Categorical cross-entropy: `E = −Σ_a y[a] · log(O[a])`.
 *
 * Terms with y[a] = 0 contribute exactly 0 (and are skipped, so that
 * O[a] = 0 there gives 0 rather than 0 · −∞ = NaN).
 */
export function crossEntropy(O: Vector, y: Vector): number {
  // TODO: implement crossEntropy (see the comment above and README.md).
  throw new NotImplementedError('05-cross-entropy', 'crossEntropy');
}

/**
 * ∂E/∂O_out: `∂E/∂O[a] = −y[a] / O[a]` (0 where y[a] = 0).
 */
export function crossEntropyGradient(O: Vector, y: Vector): Vector {
  // TODO: implement crossEntropyGradient (see the comment above and README.md).
  throw new NotImplementedError('05-cross-entropy', 'crossEntropyGradient');
}

/**
 * ∂E/∂O_in for softmax followed by cross-entropy, given the softmax output O:
 * `∂E/∂z[b] = Σ_a (−y[a]/O[a]) · O[a](δ_ab − O[b]) = O[b] − y[b]` (when Σ y = 1).
 */
export function softmaxCrossEntropyGradient(O: Vector, y: Vector): Vector {
  // TODO: implement softmaxCrossEntropyGradient (see the comment above and README.md).
  throw new NotImplementedError('05-cross-entropy', 'softmaxCrossEntropyGradient');
}

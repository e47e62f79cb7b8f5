// Exercise 06-article-loss: The article's loss, differentiated correctly.
// Replace each TODO with your code. Check it with: npx vitest exercises/06-article-loss
// Generated from the reference solution by `backprop-kit stubs`: keep the signatures.
import type { Vector } from '../shared/types';
import { NotImplementedError } from '../shared/not-implemented';

/**
 * The article's loss: per-class binary cross-entropy averaged over the n outputs,
 * `E = −(1/n) Σ_a [ y[a]·log(O[a]) + (1 − y[a])·log(1 − O[a]) ]`.
 *
 * A term whose weight (y[a] or 1 − y[a]) is 0 contributes exactly 0.
 */
export function articleLoss(O: Vector, y: Vector): number {
  // TODO: implement articleLoss (see the comment above and README.md).
  throw new NotImplementedError('06-article-loss', 'articleLoss');
}

/**
 * The correct ∂E/∂O[a] of the article's loss:
 * `−(1/n) · ( y[a]/O[a] − (1 − y[a])/(1 − O[a]) )`.
 *
 * The article writes `+` between the two fractions and drops the 1/n.
 */
export function articleLossGradient(O: Vector, y: Vector): Vector {
  // TODO: implement articleLossGradient (see the comment above and README.md).
  throw new NotImplementedError('06-article-loss', 'articleLossGradient');
}

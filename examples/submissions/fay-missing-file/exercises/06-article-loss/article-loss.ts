import type { Vector } from '../shared/types';

/**
 * The article's loss: per-class binary cross-entropy averaged over the n outputs,
 * `E = −(1/n) Σ_a [ y[a]·log(O[a]) + (1 − y[a])·log(1 − O[a]) ]`.
 *
 * A term whose weight (y[a] or 1 − y[a]) is 0 contributes exactly 0.
 */
export function articleLoss(O: Vector, y: Vector): number {
  const n = O.length;
  const total = O.reduce((sum, Oa, a) => sum + weighted(y[a], Oa) + weighted(1 - y[a], 1 - Oa), 0);
  return -total / n;
}

/**
 * The correct ∂E/∂O[a] of the article's loss:
 * `−(1/n) · ( y[a]/O[a] − (1 − y[a])/(1 − O[a]) )`.
 *
 * The article writes `+` between the two fractions and drops the 1/n.
 */
export function articleLossGradient(O: Vector, y: Vector): Vector {
  const n = O.length;
  return O.map((Oa, a) => -(ratio(y[a], Oa) - ratio(1 - y[a], 1 - Oa)) / n);
}

/** w · log(p), with 0 · log(0) taken as 0. */
function weighted(w: number, p: number): number {
  return w === 0 ? 0 : w * Math.log(p);
}

/** w / p, with 0 / 0 taken as 0. */
function ratio(w: number, p: number): number {
  return w === 0 ? 0 : w / p;
}

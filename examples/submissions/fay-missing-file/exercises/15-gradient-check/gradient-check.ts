import type { Vector } from '../shared/types';

/**
 * Central differences: `∂f/∂v[i] ≈ (f(v + h·eᵢ) − f(v − h·eᵢ)) / (2h)`.
 * The error is O(h²), against O(h) for the one-sided difference. v is left unchanged.
 */
export function numericalGradient(f: (v: Vector) => number, v: Vector, h = 1e-5): Vector {
  return v.map((_, i) => {
    const plus = [...v];
    const minus = [...v];
    plus[i] += h;
    minus[i] -= h;
    return (f(plus) - f(minus)) / (2 * h);
  });
}

/**
 * `|a − b| / max(|a|, |b|)`, and 0 when a = b (including both 0).
 * Scale-free, so one tolerance fits gradients of any size.
 */
export function relativeError(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

// Exercise 15-gradient-check: Numerical gradient check.
// Replace each TODO with your code. Check it with: npx vitest exercises/15-gradient-check
// Generated from the reference solution by `backprop-kit stubs`: keep the signatures.
import type { Vector } from '../shared/types';
import { NotImplementedError } from '../shared/not-implemented';

/**
 * Central differences: `∂f/∂v[i] ≈ (f(v + h·eᵢ) − f(v − h·eᵢ)) / (2h)`.
 * The error is O(h²), against O(h) for the one-sided difference. v is left unchanged.
 */
export function numericalGradient(f: (v: Vector) => number, v: Vector, h = 1e-5): Vector {
  // TODO: implement numericalGradient (see the comment above and README.md).
  throw new NotImplementedError('15-gradient-check', 'numericalGradient');
}

/**
 * `|a − b| / max(|a|, |b|)`, and 0 when a = b (including both 0).
 * Scale-free, so one tolerance fits gradients of any size.
 */
export function relativeError(a: number, b: number): number {
  // TODO: implement relativeError (see the comment above and README.md).
  throw new NotImplementedError('15-gradient-check', 'relativeError');
}

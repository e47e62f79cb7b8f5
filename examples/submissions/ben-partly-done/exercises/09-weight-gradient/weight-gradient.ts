// Exercise 09-weight-gradient: Weight gradient of a layer.
// Replace each TODO with your code. Check it with: npx vitest exercises/09-weight-gradient
// Generated from the reference solution by `backprop-kit stubs`: keep the signatures.
import type { Matrix, Vector } from '../shared/types';
import { NotImplementedError } from '../shared/not-implemented';

/**
 * ∂E/∂W for a layer `z = x · W + b`, given the layer's input x and its delta δ = ∂E/∂z:
 * `dW[r][c] = x[r] · δ[c]` (the outer product xᵀδ, same shape as W).
 */
export function weightGradient(input: Vector, delta: Vector): Matrix {
  // TODO: implement weightGradient (see the comment above and README.md).
  throw new NotImplementedError('09-weight-gradient', 'weightGradient');
}

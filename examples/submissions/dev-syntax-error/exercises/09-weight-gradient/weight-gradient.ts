import type { Matrix, Vector } from '../shared/types';

/**
 * ∂E/∂W for a layer `z = x · W + b`, given the layer's input x and its delta δ = ∂E/∂z:
 * `dW[r][c] = x[r] · δ[c]` (the outer product xᵀδ, same shape as W).
 */
export function weightGradient(input: Vector, delta: Vector): Matrix {
  return input.map((xr) => delta.map((dc) => xr * dc));
}

import type { Vector } from '../shared/types';

/** Sigmoid, element-wise: `σ(z) = 1 / (1 + e^(−z))`. */
export function sigmoid(z: Vector): Vector {
  return z.map((v) => 1 / (1 + Math.exp(v)));
}

/**
 * σ′ from the layer's input z (h2_in): `σ′(z) = σ(z) · (1 − σ(z))`.
 */
export function sigmoidDerivative(z: Vector): Vector {
  return sigmoidDerivativeFromOutput(sigmoid(z));
}

/**
 * σ′ from the layer's output s = σ(z) (h2_out): `σ′ = s · (1 − s)`.
 * Cheaper, because the forward pass already computed s.
 */
export function sigmoidDerivativeFromOutput(s: Vector): Vector {
  return s.map((v) => v * (1 - v));
}

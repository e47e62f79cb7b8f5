// Exercise 03-sigmoid: Sigmoid and its derivative.
// Replace each TODO with your code. Check it with: npx vitest exercises/03-sigmoid
// Generated from the reference solution by `backprop-kit stubs`: keep the signatures.
import type { Vector } from '../shared/types';
import { NotImplementedError } from '../shared/not-implemented';

/** Sigmoid, element-wise: `σ(z) = 1 / (1 + e^(−z))`. */
export function sigmoid(z: Vector): Vector {
  // TODO: implement sigmoid (see the comment above and README.md).
  throw new NotImplementedError('03-sigmoid', 'sigmoid');
}

/**
 * σ′ from the layer's input z (h2_in): `σ′(z) = σ(z) · (1 − σ(z))`.
 */
export function sigmoidDerivative(z: Vector): Vector {
  // TODO: implement sigmoidDerivative (see the comment above and README.md).
  throw new NotImplementedError('03-sigmoid', 'sigmoidDerivative');
}

/**
 * σ′ from the layer's output s = σ(z) (h2_out): `σ′ = s · (1 − s)`.
 * Cheaper, because the forward pass already computed s.
 */
export function sigmoidDerivativeFromOutput(s: Vector): Vector {
  // TODO: implement sigmoidDerivativeFromOutput (see the comment above and README.md).
  throw new NotImplementedError('03-sigmoid', 'sigmoidDerivativeFromOutput');
}

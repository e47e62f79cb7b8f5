// Exercise 02-relu: ReLU and its derivative.
// Replace each TODO with your code. Check it with: npx vitest exercises/02-relu
// Generated from the reference solution by `backprop-kit stubs`: keep the signatures.
import type { Vector } from '../shared/types';
import { NotImplementedError } from '../shared/not-implemented';

/** ReLU, element-wise: `max(0, z)`. */
export function relu(z: Vector): Vector {
  // TODO: implement relu (see the comment above and README.md).
  throw new NotImplementedError('02-relu', 'relu');
}

/**
 * ReLU′, element-wise: 1 where z > 0, else 0.
 *
 * ReLU has no derivative at exactly 0; this kit's convention is ReLU′(0) = 0
 * (the article's "otherwise 0").
 */
export function reluDerivative(z: Vector): Vector {
  // TODO: implement reluDerivative (see the comment above and README.md).
  throw new NotImplementedError('02-relu', 'reluDerivative');
}

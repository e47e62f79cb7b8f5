import type { Vector } from '../shared/types';

/** ReLU, element-wise: `max(0, z)`. */
export function relu(z: Vector): Vector {
  return z.map((v) => Math.max(0, v));
}

/**
 * ReLU′, element-wise: 1 where z > 0, else 0.
 *
 * ReLU has no derivative at exactly 0; this kit's convention is ReLU′(0) = 0
 * (the article's "otherwise 0").
 */
export function reluDerivative(z: Vector): Vector {
  return z.map((v) => (v > 0 ? 1 : 0));
}

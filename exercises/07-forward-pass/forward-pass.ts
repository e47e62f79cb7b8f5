// Exercise 07-forward-pass: Forward pass of the whole network.
// Replace each TODO with your code. Check it with: npx vitest exercises/07-forward-pass
// Generated from the reference solution by `backprop-kit stubs`: keep the signatures.
import { linearForward } from '../01-linear-forward/linear-forward';
import { relu } from '../02-relu/relu';
import { sigmoid } from '../03-sigmoid/sigmoid';
import { softmax } from '../04-softmax/softmax';
import type { ForwardTrace, Params, Vector } from '../shared/types';
import { NotImplementedError } from '../shared/not-implemented';

/**
 * The article's forward pass, keeping every intermediate:
 * input → (W_ij, b_j) → ReLU → (W_jk, b_k) → sigmoid → (W_kl, b_l) → softmax.
 */
export function forwardPass(x: Vector, params: Params): ForwardTrace {
  // TODO: implement forwardPass (see the comment above and README.md).
  throw new NotImplementedError('07-forward-pass', 'forwardPass');
}

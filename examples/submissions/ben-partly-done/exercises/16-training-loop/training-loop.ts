// Exercise 16-training-loop: Training loop.
// Replace each TODO with your code. Check it with: npx vitest exercises/16-training-loop
// Generated from the reference solution by `backprop-kit stubs`: keep the signatures.
import { forwardPass } from '../07-forward-pass/forward-pass';
import { backwardPass } from '../12-backward-pass/backward-pass';
import { sgdStep } from '../13-sgd-step/sgd-step';
import { batchGradients } from '../14-batch-gradients/batch-gradients';
import type { Matrix, Params, Vector } from '../shared/types';
import { NotImplementedError } from '../shared/not-implemented';

/**
 * The article's whole worked example: forward, backward, then one SGD step.
 * All gradients are computed before any parameter changes.
 */
export function trainStep(x: Vector, y: Vector, params: Params, learningRate: number): Params {
  // TODO: implement trainStep (see the comment above and README.md).
  throw new NotImplementedError('16-training-loop', 'trainStep');
}

export interface TrainOptions {
  learningRate: number;
  epochs: number;
}

/**
 * Full-batch gradient descent for `epochs` steps. `losses[e]` is the mean loss
 * at the parameters before step e. The input params are left unchanged.
 */
export function train(params: Params, xs: Matrix, ys: Matrix, options: TrainOptions): { params: Params; losses: number[] } {
  // TODO: implement train (see the comment above and README.md).
  throw new NotImplementedError('16-training-loop', 'train');
}

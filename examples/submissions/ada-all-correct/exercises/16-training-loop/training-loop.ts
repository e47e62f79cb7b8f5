import { forwardPass } from '../07-forward-pass/forward-pass';
import { backwardPass } from '../12-backward-pass/backward-pass';
import { sgdStep } from '../13-sgd-step/sgd-step';
import { batchGradients } from '../14-batch-gradients/batch-gradients';
import type { Matrix, Params, Vector } from '../shared/types';

/**
 * The article's whole worked example: forward, backward, then one SGD step.
 * All gradients are computed before any parameter changes.
 */
export function trainStep(x: Vector, y: Vector, params: Params, learningRate: number): Params {
  const grads = backwardPass(x, y, params, forwardPass(x, params));
  return sgdStep(params, grads, learningRate);
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
  const losses: number[] = [];
  let current = params;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const { loss, grads } = batchGradients(xs, ys, current);
    losses.push(loss);
    current = sgdStep(current, grads, options.learningRate);
  }
  return { params: current, losses };
}

import { forwardPass } from '../07-forward-pass/forward-pass';
import { backwardPass } from '../12-backward-pass/backward-pass';
import { updateMatrix } from '../13-sgd-step/sgd-step';
import { batchGradients } from '../14-batch-gradients/batch-gradients';
import type { Gradients, Matrix, Params, Vector } from '../shared/types';

/** One step of gradient descent on the weights. */
function step(params: Params, grads: Gradients, learningRate: number): Params {
  return {
    ...params,
    W_ij: updateMatrix(params.W_ij, grads.dW_ij, learningRate),
    W_jk: updateMatrix(params.W_jk, grads.dW_jk, learningRate),
    W_kl: updateMatrix(params.W_kl, grads.dW_kl, learningRate),
  };
}

export function trainStep(x: Vector, y: Vector, params: Params, learningRate: number): Params {
  return step(params, backwardPass(x, y, params, forwardPass(x, params)), learningRate);
}

export interface TrainOptions {
  learningRate: number;
  epochs: number;
}

export function train(params: Params, xs: Matrix, ys: Matrix, options: TrainOptions): { params: Params; losses: number[] } {
  const losses: number[] = [];
  let current = params;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const { loss, grads } = batchGradients(xs, ys, current);
    losses.push(loss);
    current = step(current, grads, options.learningRate);
  }
  return { params: current, losses };
}

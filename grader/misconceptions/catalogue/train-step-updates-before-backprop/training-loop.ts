import { reluDerivative } from '../02-relu/relu';
import { sigmoidDerivative } from '../03-sigmoid/sigmoid';
import { softmaxJacobian } from '../04-softmax/softmax';
import { crossEntropyGradient } from '../05-cross-entropy/cross-entropy';
import { forwardPass } from '../07-forward-pass/forward-pass';
import { outputDelta } from '../08-output-delta/output-delta';
import { weightGradient } from '../09-weight-gradient/weight-gradient';
import { backpropToPreviousLayer, deltaThroughActivation } from '../10-backprop-delta/backprop-delta';
import { biasGradient } from '../11-bias-gradient/bias-gradient';
import { sgdStep, updateMatrix, updateVector } from '../13-sgd-step/sgd-step';
import { batchGradients } from '../14-batch-gradients/batch-gradients';
import type { Matrix, Params, Vector } from '../shared/types';

/**
 * The article's whole worked example: forward, backward, then one SGD step.
 * All gradients are computed before any parameter changes.
 */
export function trainStep(x: Vector, y: Vector, params: Params, learningRate: number): Params {
  const forward = forwardPass(x, params);

  // Output layer: gradients, then update W_kl and b_l right away.
  const delta_O_in = outputDelta(crossEntropyGradient(forward.O_out, y), softmaxJacobian(forward.O_in));
  const W_kl = updateMatrix(params.W_kl, weightGradient(forward.h2_out, delta_O_in), learningRate);
  const b_l = updateVector(params.b_l, biasGradient(delta_O_in), learningRate);

  // Hidden layer 2, backpropagated through the new W_kl.
  const delta_h2_in = deltaThroughActivation(backpropToPreviousLayer(delta_O_in, W_kl), sigmoidDerivative(forward.h2_in));
  const W_jk = updateMatrix(params.W_jk, weightGradient(forward.h1_out, delta_h2_in), learningRate);
  const b_k = updateVector(params.b_k, biasGradient(delta_h2_in), learningRate);

  // Hidden layer 1, backpropagated through the new W_jk.
  const delta_h1_in = deltaThroughActivation(backpropToPreviousLayer(delta_h2_in, W_jk), reluDerivative(forward.h1_in));
  const W_ij = updateMatrix(params.W_ij, weightGradient(x, delta_h1_in), learningRate);
  const b_j = updateVector(params.b_j, biasGradient(delta_h1_in), learningRate);

  return { W_ij, b_j, W_jk, b_k, W_kl, b_l };
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

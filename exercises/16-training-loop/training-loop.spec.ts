import { describe, expect, it } from 'vitest';
import { EXACT } from '../shared/exact';
import { expectClose } from '../shared/expect-close';
import { WORKED_EXAMPLE } from '../shared/worked-example';
import { train, trainStep } from './training-loop';

const { x, y, params, learningRate } = WORKED_EXAMPLE;

describe('16 training loop', () => {
  it('trainStep on the worked example gives the updated weights and biases', () => {
    const next = trainStep(x, y, params, learningRate);
    expectClose(next.W_ij, EXACT.W_ij_updated, 'W_ij_updated');
    expectClose(next.W_jk, EXACT.W_jk_updated, 'W_jk_updated');
    expectClose(next.W_kl, EXACT.W_kl_updated, 'W_kl_updated');
    expectClose(next.b_j, EXACT.b_j_updated, 'b_j_updated');
    expectClose(next.b_k, EXACT.b_k_updated, 'b_k_updated');
    expectClose(next.b_l, EXACT.b_l_updated, 'b_l_updated');
  });

  it('one epoch of train on the worked example is one trainStep, and records the loss before it', () => {
    const result = train(params, [x], [y], { learningRate, epochs: 1 });
    expectClose(result.losses, [EXACT.loss], 'losses');
    expectClose(result.params.W_kl, EXACT.W_kl_updated, 'W_kl after 1 epoch');
  });

  it('the loss goes down, epoch after epoch, with a small learning rate', () => {
    const { losses } = train(params, [x], [y], { learningRate: 0.1, epochs: 30 });
    expect(losses, 'one loss per epoch').toHaveLength(30);
    for (let e = 1; e < losses.length; e++) {
      expect(losses[e], `loss after epoch ${e} (${losses[e]}) should be below the one before (${losses[e - 1]})`).toBeLessThan(losses[e - 1]);
    }
  });

  it('leaves the initial parameters unchanged', () => {
    const before = structuredClone(params);
    train(params, [x], [y], { learningRate, epochs: 2 });
    expect(params, 'train must not modify the parameters it is given').toEqual(before);
  });
});

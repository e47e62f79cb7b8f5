import { describe, expect, it } from 'vitest';
import { EXACT } from '../shared/exact';
import { expectClose } from '../shared/expect-close';
import { WORKED_EXAMPLE } from '../shared/worked-example';
import { sgdStep, updateMatrix, updateVector } from './sgd-step';

const { params, learningRate } = WORKED_EXAMPLE;

describe('13 SGD step', () => {
  it('updateVector moves against the gradient: b − lr·db', () => {
    expectClose(updateVector([1, 2], [10, -10], 0.1), [0, 3], 'b_updated');
  });

  it('updateMatrix(W_kl, dW_kl, 0.01) = W_kl_updated', () => {
    expectClose(updateMatrix(params.W_kl, EXACT.dW_kl, learningRate), EXACT.W_kl_updated, 'W_kl_updated');
  });

  it('sgdStep updates every weight and bias of the worked example', () => {
    const next = sgdStep(params, EXACT, learningRate);
    expectClose(next.W_ij, EXACT.W_ij_updated, 'W_ij_updated');
    expectClose(next.W_jk, EXACT.W_jk_updated, 'W_jk_updated');
    expectClose(next.W_kl, EXACT.W_kl_updated, 'W_kl_updated');
    expectClose(next.b_j, EXACT.b_j_updated, 'b_j_updated');
    expectClose(next.b_k, EXACT.b_k_updated, 'b_k_updated');
    expectClose(next.b_l, EXACT.b_l_updated, 'b_l_updated');
  });

  it('leaves the old parameters unchanged', () => {
    const before = structuredClone(params);
    sgdStep(params, EXACT, learningRate);
    expect(params, 'sgdStep must not modify the parameters it is given').toEqual(before);
  });
});

import { describe, it } from 'vitest';
import { EXACT, LOCAL } from '../shared/exact';
import { expectClose } from '../shared/expect-close';
import { WORKED_EXAMPLE } from '../shared/worked-example';
import { backpropToPreviousLayer, deltaThroughActivation } from './backprop-delta';

const { params } = WORKED_EXAMPLE;

describe('10 backpropagating a delta', () => {
  it('dE_dh2_out = W_kl · delta_O_in', () => {
    expectClose(backpropToPreviousLayer(EXACT.delta_O_in, params.W_kl), EXACT.dE_dh2_out, 'dE_dh2_out');
  });

  it('dE_dh1_out = W_jk · delta_h2_in (every weight of the row, not only the diagonal)', () => {
    expectClose(backpropToPreviousLayer(EXACT.delta_h2_in, params.W_jk), EXACT.dE_dh1_out, 'dE_dh1_out');
  });

  it('works for a 2-neuron layer feeding 3 neurons', () => {
    // [1·1 + 2·0 + 3·(−1), 4·1 + 5·0 + 6·(−1)]
    expectClose(backpropToPreviousLayer([1, 0, -1], [[1, 2, 3], [4, 5, 6]]), [-2, -2], 'dE_dprev');
  });

  it("delta_h2_in = dE_dh2_out ⊙ σ'(h2_in)", () => {
    expectClose(deltaThroughActivation(EXACT.dE_dh2_out, LOCAL.sigmoid_derivative_h2_in), EXACT.delta_h2_in, 'delta_h2_in');
  });
});

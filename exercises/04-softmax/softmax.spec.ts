import { describe, it } from 'vitest';
import { EXACT } from '../shared/exact';
import { expectClose } from '../shared/expect-close';
import { softmax, softmaxJacobian } from './softmax';

describe('04 softmax', () => {
  it('softmax(O_in) = O_out in the worked example', () => {
    expectClose(softmax(EXACT.O_in), EXACT.O_out, 'O_out');
  });

  it('the outputs sum to 1', () => {
    const O = softmax([0.3, -1.2, 2.5, 0]);
    expectClose(O.reduce((a, b) => a + b, 0), 1, 'sum of softmax outputs');
  });

  it('large logits [1000, 1001, 1002] give the same result as [0, 1, 2], with no NaN', () => {
    expectClose(softmax([1000, 1001, 1002]), softmax([0, 1, 2]), 'softmax([1000, 1001, 1002])');
  });

  it('softmaxJacobian(O_in) is the full 3×3 Jacobian ∂O_out[a]/∂O_in[b], off-diagonal entries included', () => {
    expectClose(softmaxJacobian(EXACT.O_in), EXACT.softmax_jacobian, 'softmax_jacobian');
  });

  it('each row of the Jacobian sums to 0 (the outputs always sum to 1)', () => {
    for (const [a, row] of softmaxJacobian([0.5, 2, -1, 0.1]).entries()) {
      expectClose(row.reduce((s, v) => s + v, 0), 0, `sum of softmax_jacobian[${a}]`);
    }
  });
});

import { describe, it } from 'vitest';
import { EXACT, LOCAL } from '../shared/exact';
import { expectClose } from '../shared/expect-close';
import { relu, reluDerivative } from './relu';

describe('02 ReLU', () => {
  it('relu(h1_in) = h1_out in the worked example', () => {
    expectClose(relu(EXACT.h1_in), EXACT.h1_out, 'h1_out');
  });

  it('relu clips negatives to 0 and keeps positives', () => {
    expectClose(relu([-2, -0.5, 0, 3]), [0, 0, 0, 3], 'relu(z)');
  });

  it('reluDerivative(h1_in) is all ones in the worked example', () => {
    expectClose(reluDerivative(EXACT.h1_in), LOCAL.relu_derivative_h1_in, "relu'(h1_in)");
  });

  it("reluDerivative is 0 below 0, 1 above 0, and 0 at exactly 0 (this kit's convention)", () => {
    expectClose(reluDerivative([-1, 0, 2]), [0, 0, 1], "relu'(z)");
  });
});

import { describe, it } from 'vitest';
import { EXACT, LOCAL } from '../shared/exact';
import { expectClose } from '../shared/expect-close';
import { sigmoid, sigmoidDerivative, sigmoidDerivativeFromOutput } from './sigmoid';

describe('03 sigmoid', () => {
  it('sigmoid(h2_in) = h2_out in the worked example', () => {
    expectClose(sigmoid(EXACT.h2_in), EXACT.h2_out, 'h2_out');
  });

  it('sigmoid(0) = 1/2, and sigmoid(−z) = 1 − sigmoid(z)', () => {
    expectClose(sigmoid([0]), [0.5], 'sigmoid(0)');
    const z = [-3, -0.25, 1.5];
    const s = sigmoid(z);
    expectClose(sigmoid(z.map((v) => -v)), s.map((v) => 1 - v), 'sigmoid(-z)');
  });

  it("sigmoidDerivative(h2_in) = σ'(h2_in)", () => {
    expectClose(sigmoidDerivative(EXACT.h2_in), LOCAL.sigmoid_derivative_h2_in, "sigma'(h2_in)");
  });

  it("sigmoidDerivative takes the input z: σ'(0) = 1/4", () => {
    expectClose(sigmoidDerivative([0]), [0.25], "sigma'(0)");
  });

  it('sigmoidDerivativeFromOutput(h2_out) gives the same values from the output', () => {
    expectClose(sigmoidDerivativeFromOutput(EXACT.h2_out), LOCAL.sigmoid_derivative_h2_in, "sigma'(h2_in) from h2_out");
  });

  it('sigmoidDerivativeFromOutput takes the output s: s = 1/2 gives 1/4', () => {
    expectClose(sigmoidDerivativeFromOutput([0.5]), [0.25], "sigma' from s = 0.5");
  });
});

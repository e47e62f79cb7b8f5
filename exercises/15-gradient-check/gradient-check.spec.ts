import { describe, expect, it } from 'vitest';
import { EXACT } from '../shared/exact';
import { expectClose } from '../shared/expect-close';
import { WORKED_EXAMPLE } from '../shared/worked-example';
import { numericalGradient, relativeError } from './gradient-check';

/**
 * Central differences of a cubic are exact up to h² (f'''·h²/6) and rounding (~ε/h),
 * so with h = 1e-5 they agree with the true derivative to 1e-8; a one-sided
 * difference is off by ~3h = 3e-5.
 */
const CENTRAL_DIFFERENCE = { relative: 1e-8, absolute: 1e-8 };

/** The worked example's loss as a function of b_l, computed here from its definition. */
function lossOfOutputBias(b_l: number[]): number {
  const { params } = WORKED_EXAMPLE;
  const O_in = b_l.map((b, c) => EXACT.h2_out.reduce((s, h, r) => s + h * params.W_kl[r][c], b));
  const logSumExp = Math.log(O_in.reduce((s, z) => s + Math.exp(z), 0));
  return logSumExp - O_in[0]; // −log softmax(O_in)[0], since y = [1, 0, 0]
}

describe('15 numerical gradient check', () => {
  it('central differences of f(v) = v0³ + 3·v1 at [1, 5] give [3, 3]', () => {
    const g = numericalGradient((v) => v[0] ** 3 + 3 * v[1], [1, 5]);
    expectClose(g, [3, 3], 'numerical gradient', CENTRAL_DIFFERENCE);
  });

  it('leaves v unchanged', () => {
    const v = [1, 5];
    numericalGradient((w) => w[0] * w[1], v);
    expect(v, 'numericalGradient must not modify v').toEqual([1, 5]);
  });

  it('matches db_l of the worked example', () => {
    const g = numericalGradient(lossOfOutputBias, WORKED_EXAMPLE.params.b_l);
    expectClose(g, EXACT.db_l, 'numerical db_l', { relative: 1e-7, absolute: 1e-9 });
  });

  it('relativeError(a, b) = |a − b| / max(|a|, |b|), and 0 for equal numbers', () => {
    expectClose(relativeError(1, 1.25), 0.2, 'relativeError(1, 1.25)');
    expectClose(relativeError(-2, 2), 2, 'relativeError(-2, 2)');
    expectClose(relativeError(0, 0), 0, 'relativeError(0, 0)');
  });
});

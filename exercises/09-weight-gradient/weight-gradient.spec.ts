import { describe, it } from 'vitest';
import { EXACT } from '../shared/exact';
import { expectClose } from '../shared/expect-close';
import { WORKED_EXAMPLE } from '../shared/worked-example';
import { weightGradient } from './weight-gradient';

describe('09 weight gradient', () => {
  it('dW_kl = outer(h2_out, delta_O_in)', () => {
    expectClose(weightGradient(EXACT.h2_out, EXACT.delta_O_in), EXACT.dW_kl, 'dW_kl');
  });

  it('dW_jk = outer(h1_out, delta_h2_in)', () => {
    expectClose(weightGradient(EXACT.h1_out, EXACT.delta_h2_in), EXACT.dW_jk, 'dW_jk');
  });

  it('dW_ij = outer(x, delta_h1_in)', () => {
    expectClose(weightGradient(WORKED_EXAMPLE.x, EXACT.delta_h1_in), EXACT.dW_ij, 'dW_ij');
  });

  it('has the shape of W: one row per input, one column per output', () => {
    expectClose(weightGradient([1, 2], [3, 4, 5]), [[3, 4, 5], [6, 8, 10]], 'dW');
  });
});

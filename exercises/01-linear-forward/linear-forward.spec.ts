import { describe, it } from 'vitest';
import { EXACT } from '../shared/exact';
import { expectClose } from '../shared/expect-close';
import { WORKED_EXAMPLE } from '../shared/worked-example';
import { linearForward } from './linear-forward';

const { x, params } = WORKED_EXAMPLE;

describe('01 linear layer forward', () => {
  it('layer 1 of the worked example: x · W_ij + b_j = h1_in', () => {
    expectClose(linearForward(x, params.W_ij, params.b_j), EXACT.h1_in, 'h1_in');
  });

  it('layer 2: h1_out · W_jk + b_k = h2_in', () => {
    expectClose(linearForward(EXACT.h1_out, params.W_jk, params.b_k), EXACT.h2_in, 'h2_in');
  });

  it('layer 3: h2_out · W_kl + b_l = O_in', () => {
    expectClose(linearForward(EXACT.h2_out, params.W_kl, params.b_l), EXACT.O_in, 'O_in');
  });

  it('W[r][c] connects input r to output c, for any widths (2 inputs → 4 outputs)', () => {
    // z[c] = Σ_r x[r]·W[r][c] + b[c]: [1·1 + 0.5, 2·1, 1·2, 2·3 − 1]
    const W = [
      [1, 0, 2, 0],
      [0, 1, 0, 3],
    ];
    expectClose(linearForward([1, 2], W, [0.5, 0, 0, -1]), [1.5, 2, 2, 5], 'z');
  });
});

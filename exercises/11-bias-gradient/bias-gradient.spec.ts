import { describe, expect, it } from 'vitest';
import { EXACT } from '../shared/exact';
import { expectClose } from '../shared/expect-close';
import { batchBiasGradient, biasGradient } from './bias-gradient';

describe('11 bias gradients', () => {
  it('db_l = delta_O_in, db_k = delta_h2_in, db_j = delta_h1_in', () => {
    expectClose(biasGradient(EXACT.delta_O_in), EXACT.db_l, 'db_l');
    expectClose(biasGradient(EXACT.delta_h2_in), EXACT.db_k, 'db_k');
    expectClose(biasGradient(EXACT.delta_h1_in), EXACT.db_j, 'db_j');
  });

  it('returns a new array, not the delta itself', () => {
    const delta = [0.5, -1];
    expect(biasGradient(delta), 'biasGradient(delta) must not return the same array').not.toBe(delta);
  });

  it('a batch: the mean over the examples (one row per example)', () => {
    expectClose(batchBiasGradient([[1, 2, 3], [3, 4, 5]]), [2, 3, 4], 'db (batch of 2)');
  });
});

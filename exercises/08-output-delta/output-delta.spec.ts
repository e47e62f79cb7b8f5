import { describe, it } from 'vitest';
import { EXACT } from '../shared/exact';
import { expectClose } from '../shared/expect-close';
import { outputDelta } from './output-delta';

describe('08 output delta through the softmax Jacobian', () => {
  it('outputDelta(dE_dO_out, softmax_jacobian) = delta_O_in = O_out − y', () => {
    expectClose(outputDelta(EXACT.dE_dO_out, EXACT.softmax_jacobian), EXACT.delta_O_in, 'delta_O_in');
  });

  it('sums over the outputs a, i.e. δ[b] = Σ_a g[a]·J[a][b] (row a of J is ∂O[a]/∂z)', () => {
    // g = [1, 0] picks row 0 of J
    expectClose(outputDelta([1, 0], [[1, 2], [3, 4]]), [1, 2], 'delta');
  });
});

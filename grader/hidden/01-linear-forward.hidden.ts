/** Hidden checks of 01-linear-forward: random layers of several widths, rows versus columns of W, the bias, no mutation. */
import { EXACT } from '../../exercises/shared/exact';
import type { Vector } from '../../exercises/shared/types';
import { WORKED_EXAMPLE } from '../../exercises/shared/worked-example';
import { defineHiddenSpec, leavesInputsUnchanged } from '../checks/dsl';
import { oracle } from '../oracle';

const { x, params } = WORKED_EXAMPLE;

/** [inputs, outputs] of layers that are not 3 wide: wider, narrower, a single output, a single neuron. */
const OTHER_WIDTHS = [[2, 4], [5, 1], [1, 1], [4, 2]] as const;

const unit = (n: number, i: number): Vector => Array.from({ length: n }, (_, j) => (j === i ? 1 : 0));

export default defineHiddenSpec('01-linear-forward', [
  {
    name: 'the three layers of the worked example',
    weight: 2,
    run(t) {
      t.expectClose(t.call('linearForward', x, params.W_ij, params.b_j), oracle.linearForward(x, params.W_ij, params.b_j), 'h1_in');
      t.expectClose(t.call('linearForward', EXACT.h1_out, params.W_jk, params.b_k), oracle.linearForward(EXACT.h1_out, params.W_jk, params.b_k), 'h2_in');
      t.expectClose(t.call('linearForward', EXACT.h2_out, params.W_kl, params.b_l), oracle.linearForward(EXACT.h2_out, params.W_kl, params.b_l), 'O_in');
    },
  },
  {
    name: 'random 3→3 layers',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (let k = 1; k <= 3; k++) {
        const input = t.rng.vector(3, -2, 2);
        const W = t.rng.matrix(3, 3);
        const b = t.rng.vector(3);
        t.trial(`random 3→3 layer #${k}`, () => t.expectClose(t.call('linearForward', input, W, b), oracle.linearForward(input, W, b), 'z'));
      }
    },
  },
  {
    name: 'random layers whose width is not 3',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const [n, m] of OTHER_WIDTHS) {
        const input = t.rng.vector(n, -2, 2);
        const W = t.rng.matrix(n, m);
        const b = t.rng.vector(m);
        t.trial(`random layer with ${n} input${n > 1 ? 's' : ''} and ${m} output${m > 1 ? 's' : ''}`, () =>
          t.expectClose(t.call('linearForward', input, W, b), oracle.linearForward(input, W, b), 'z'),
        );
      }
    },
  },
  {
    name: 'input neuron r reaches the outputs through row r of W',
    partialCredit: true,
    run(t) {
      // x = e_r, b = 0 gives z = W[r]: a transposed W would give column r instead
      const W = t.rng.matrix(3, 3);
      const b = [0, 0, 0];
      for (const r of [0, 2]) {
        const input = unit(3, r);
        t.trial(`x = ${JSON.stringify(input)} with a random 3×3 W and no bias`, () =>
          t.expectClose(t.call('linearForward', input, W, b), oracle.linearForward(input, W, b), 'z'),
        );
      }
    },
  },
  {
    name: 'a layer of 4 inputs and 3 outputs gives its bias for an input of zeros',
    run(t) {
      const input = [0, 0, 0, 0];
      const W = t.rng.matrix(4, 3);
      const b = t.rng.vector(3, -2, 2);
      t.expectClose(t.call('linearForward', input, W, b), oracle.linearForward(input, W, b), 'z');
    },
  },
  leavesInputsUnchanged('linearForward leaves x, W and b unchanged', 'linearForward', (rng) => ({ x: rng.vector(3), W: rng.matrix(3, 2), b: rng.vector(2) })),
]);

/** Hidden checks of 11-bias-gradient: other widths, batches of 1 to 100, finite differences, no mutation. */
import { EXACT } from '../../exercises/shared/exact';
import type { Matrix, Vector } from '../../exercises/shared/types';
import { defineHiddenSpec, leavesInputsUnchanged } from '../checks/dsl';
import { centralDifference, dot, FD_TOLERANCE } from '../checks/finite-differences';
import { oracle } from '../oracle';

/** [examples, width] of the random batches: more rows than columns, fewer, square. */
const BATCHES = [[4, 3], [2, 5], [3, 3], [6, 1]] as const;

/** Mean over the batch of g_e·(x_e·W + b): its gradient in b is the batch bias gradient of the g_e. */
const meanBatchLoss = (xs: Matrix, gs: Matrix, W: Matrix) => (b: Vector): number =>
  xs.reduce((sum, x, e) => sum + dot(gs[e], oracle.linearForward(x, W, b)), 0) / xs.length;

export default defineHiddenSpec('11-bias-gradient', [
  {
    name: 'db_l of the worked example',
    run(t) {
      t.expectClose(t.call('biasGradient', EXACT.delta_O_in), oracle.biasGradient(EXACT.delta_O_in), 'db_l');
    },
  },
  {
    name: 'bias gradient of random deltas, widths 1 to 5',
    partialCredit: true,
    run(t) {
      for (let n = 1; n <= 5; n++) {
        const delta = t.rng.vector(n, -2, 2);
        t.trial(`random delta of width ${n}`, () => t.expectClose(t.call('biasGradient', delta), oracle.biasGradient(delta), 'db'));
      }
    },
  },
  {
    name: 'bias gradient matches finite differences of the layer',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const [n, m] of [[2, 4], [5, 1]] as const) {
        // E = g·(x·W + b) has ∂E/∂z = g
        const x = t.rng.vector(n);
        const W = t.rng.matrix(n, m);
        const b = t.rng.vector(m);
        const g = t.rng.vector(m);
        const numeric = centralDifference((v) => dot(g, oracle.linearForward(x, W, v)), b);
        t.trial(`random ${n}→${m} layer`, () => t.expectClose(t.call('biasGradient', g), numeric, 'db', FD_TOLERANCE));
      }
    },
  },
  leavesInputsUnchanged('biasGradient leaves delta unchanged', 'biasGradient', (rng) => ({ delta: rng.vector(3) })),
  {
    name: 'batch bias gradient of random batches',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const [m, n] of BATCHES) {
        const deltas = t.rng.matrix(m, n, -2, 2);
        t.trial(`batch of ${m} deltas of width ${n}`, () => t.expectClose(t.call('batchBiasGradient', deltas), oracle.batchBiasGradient(deltas), 'db'));
      }
    },
  },
  {
    name: 'batch bias gradient of a single example',
    run(t) {
      const deltas = t.rng.matrix(1, 3, -2, 2);
      t.expectClose(t.call('batchBiasGradient', deltas), oracle.batchBiasGradient(deltas), 'db');
    },
  },
  {
    name: 'batch bias gradient of 100 examples',
    run(t) {
      const deltas = t.rng.matrix(100, 3, -2, 2);
      t.expectClose(t.call('batchBiasGradient', deltas), oracle.batchBiasGradient(deltas), 'db');
    },
  },
  {
    name: 'batch bias gradient matches finite differences of the mean loss',
    weight: 2,
    run(t) {
      const xs = t.rng.matrix(3, 2);
      const gs = t.rng.matrix(3, 4);
      const W = t.rng.matrix(2, 4);
      const numeric = centralDifference(meanBatchLoss(xs, gs, W), t.rng.vector(4));
      t.trial('batch of 3 examples through a random 2→4 layer', () => t.expectClose(t.call('batchBiasGradient', gs), numeric, 'db', FD_TOLERANCE));
    },
  },
  leavesInputsUnchanged('batchBiasGradient leaves deltas unchanged', 'batchBiasGradient', (rng) => ({ deltas: rng.matrix(4, 3) })),
]);

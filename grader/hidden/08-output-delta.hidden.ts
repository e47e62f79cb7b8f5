/** Hidden checks of 08-output-delta: non-symmetric and non-square Jacobians, widths 2 to 5, finite differences, no mutation. */
import { EXACT } from '../../exercises/shared/exact';
import type { Matrix, Vector } from '../../exercises/shared/types';
import { defineHiddenSpec, leavesInputsUnchanged } from '../checks/dsl';
import { centralDifference, dot, FD_TOLERANCE } from '../checks/finite-differences';
import { oracle } from '../oracle';

const WIDTHS = [2, 3, 4, 5];

/** J·v for J[a][b] = ∂f[a]/∂v[b]: the linear map whose Jacobian is J. */
const apply = (J: Matrix, v: Vector): Vector => J.map((row) => dot(row, v));

export default defineHiddenSpec('08-output-delta', [
  {
    name: 'delta_O_in of the worked example',
    weight: 2,
    run(t) {
      t.expectClose(t.call('outputDelta', EXACT.dE_dO_out, EXACT.softmax_jacobian), oracle.outputDelta(EXACT.dE_dO_out, EXACT.softmax_jacobian), 'delta_O_in');
    },
  },
  {
    name: 'delta through random non-symmetric Jacobians, widths 2 to 5',
    weight: 3,
    partialCredit: true,
    run(t) {
      for (const n of WIDTHS) {
        const g = t.rng.vector(n, -2, 2);
        const J = t.rng.matrix(n, n);
        t.trial(`random gradient and random ${n}×${n} Jacobian`, () => t.expectClose(t.call('outputDelta', g, J), oracle.outputDelta(g, J), 'delta'));
      }
    },
  },
  {
    name: 'delta has one entry per input (column) of a non-square Jacobian',
    weight: 2,
    partialCredit: true,
    run(t) {
      // J[a][b] = ∂out[a]/∂in[b] with 3 outputs and 5 inputs, and the other way round
      for (const [outputs, inputs] of [[3, 5], [4, 2]]) {
        const g = t.rng.vector(outputs, -2, 2);
        const J = t.rng.matrix(outputs, inputs);
        t.trial(`random gradient of ${outputs} outputs and random ${outputs}×${inputs} Jacobian`, () =>
          t.expectClose(t.call('outputDelta', g, J), oracle.outputDelta(g, J), 'delta'),
        );
      }
    },
  },
  {
    name: 'a gradient on a single output gives that row of the Jacobian',
    run(t) {
      const n = t.rng.int(3, 5);
      const a = t.rng.int(0, n - 1);
      const g = Array.from({ length: n }, (_, i) => (i === a ? 1 : 0));
      const J = t.rng.matrix(n, n);
      t.expectClose(t.call('outputDelta', g, J), oracle.outputDelta(g, J), 'delta');
    },
  },
  {
    name: 'delta matches finite differences of g · softmax(z) at the logits',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const n of [2, t.rng.int(3, 5)]) {
        const z = t.rng.vector(n, -3, 3);
        const g = t.rng.vector(n, -2, 2);
        const numeric = centralDifference((v) => dot(g, oracle.softmax(v)), z);
        t.trial(`random gradient and the softmax Jacobian at ${n} random logits`, () =>
          t.expectClose(t.call('outputDelta', g, oracle.softmaxJacobian(z)), numeric, 'delta', FD_TOLERANCE),
        );
      }
    },
  },
  {
    name: 'delta matches finite differences of g · (J z) for a random linear map',
    run(t) {
      const g = t.rng.vector(3, -2, 2);
      const J = t.rng.matrix(3, 4);
      const numeric = centralDifference((v) => dot(g, apply(J, v)), t.rng.vector(4));
      t.expectClose(t.call('outputDelta', g, J), numeric, 'delta', FD_TOLERANCE);
    },
  },
  {
    name: 'softmax Jacobian and cross-entropy gradient give O_out − y at random logits',
    partialCredit: true,
    run(t) {
      for (const n of [t.rng.int(2, 3), t.rng.int(4, 5)]) {
        const z = t.rng.vector(n, -4, 4);
        const y = t.rng.oneHot(n);
        const g = oracle.crossEntropyGradient(oracle.softmax(z), y);
        t.trial(`the loss gradient and softmax Jacobian at ${n} random logits`, () =>
          t.expectClose(t.call('outputDelta', g, oracle.softmaxJacobian(z)), oracle.softmaxCrossEntropyGradientAtLogits(z, y), 'delta_O_in'),
        );
      }
    },
  },
  leavesInputsUnchanged('outputDelta leaves its inputs unchanged', 'outputDelta', (rng) => ({ dE_dO_out: rng.vector(3), jacobian: rng.matrix(3, 3) })),
]);

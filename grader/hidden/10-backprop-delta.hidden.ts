/** Hidden checks of 10-backprop-delta: every column of W, other widths, activations, finite differences, no mutation. */
import { EXACT } from '../../exercises/shared/exact';
import { WORKED_EXAMPLE } from '../../exercises/shared/worked-example';
import type { Vector } from '../../exercises/shared/types';
import { defineHiddenSpec, leavesInputsUnchanged } from '../checks/dsl';
import { centralDifference, dot, FD_TOLERANCE } from '../checks/finite-differences';
import type { Rng } from '../checks/rng';
import { oracle } from '../oracle';

const { params } = WORKED_EXAMPLE;

/** [inputs, outputs] of the random layers: square, non-square both ways, one output, one input. */
const WIDTHS = [[3, 3], [2, 4], [4, 2], [5, 1], [1, 5]] as const;

/** Pre-activations at least 0.1 away from 0, some of each sign (finite differences of ReLU stay on one side of the kink). */
const preActivations = (rng: Rng, n: number): Vector => rng.vector(n, 0.1, 2).map((v, i) => (i % 2 === 0 ? -v : v));

export default defineHiddenSpec('10-backprop-delta', [
  {
    name: 'dE_dh2_out and delta_h2_in of the worked example',
    run(t) {
      t.expectClose(t.call('backpropToPreviousLayer', EXACT.delta_O_in, params.W_kl), oracle.backpropToPreviousLayer(EXACT.delta_O_in, params.W_kl), 'dE_dh2_out');
      const sigmaPrime = oracle.sigmoidDerivative(EXACT.h2_in);
      t.expectClose(t.call('deltaThroughActivation', EXACT.dE_dh2_out, sigmaPrime), oracle.deltaThroughActivation(EXACT.dE_dh2_out, sigmaPrime), 'delta_h2_in');
    },
  },
  {
    name: 'dE_dh1_out of the worked example',
    weight: 2,
    run(t) {
      t.expectClose(t.call('backpropToPreviousLayer', EXACT.delta_h2_in, params.W_jk), oracle.backpropToPreviousLayer(EXACT.delta_h2_in, params.W_jk), 'dE_dh1_out');
    },
  },
  {
    name: 'backpropagation through random layers of several widths',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const [n, m] of WIDTHS) {
        const W = t.rng.matrix(n, m);
        const delta = t.rng.vector(m);
        t.trial(`random ${n}→${m} layer`, () => t.expectClose(t.call('backpropToPreviousLayer', delta, W), oracle.backpropToPreviousLayer(delta, W), 'dE_dx'));
      }
    },
  },
  {
    name: 'backpropagation matches finite differences of the layer',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const [n, m] of [[3, 3], [4, 2]] as const) {
        // E = δ·(x·W + b) has ∂E/∂z = δ, so ∂E/∂x is backpropToPreviousLayer(δ, W)
        const x = t.rng.vector(n);
        const W = t.rng.matrix(n, m);
        const b = t.rng.vector(m);
        const delta = t.rng.vector(m);
        const numeric = centralDifference((v) => dot(delta, oracle.linearForward(v, W, b)), x);
        t.trial(`random ${n}→${m} layer`, () => t.expectClose(t.call('backpropToPreviousLayer', delta, W), numeric, 'dE_dx', FD_TOLERANCE));
      }
    },
  },
  {
    name: 'deltaThroughActivation of random vectors, widths 1 to 5',
    partialCredit: true,
    run(t) {
      for (let n = 1; n <= 5; n++) {
        const g = t.rng.vector(n, -2, 2);
        const derivative = t.rng.vector(n, 0, 1);
        t.trial(`random vectors of width ${n}`, () =>
          t.expectClose(t.call('deltaThroughActivation', g, derivative), oracle.deltaThroughActivation(g, derivative), 'delta'),
        );
      }
    },
  },
  {
    name: 'deltaThroughActivation matches finite differences of sigmoid and ReLU layers',
    weight: 2,
    partialCredit: true,
    run(t) {
      const layers = [
        { label: 'sigmoid layer of width 4', f: oracle.sigmoid, derivative: oracle.sigmoidDerivative, z: t.rng.vector(4, -3, 3) },
        { label: 'ReLU layer of width 5 with some units off', f: oracle.relu, derivative: oracle.reluDerivative, z: preActivations(t.rng, 5) },
      ];
      for (const { label, f, derivative, z } of layers) {
        // E = g·f(z) has ∂E/∂f(z) = g
        const g = t.rng.vector(z.length);
        const numeric = centralDifference((v) => dot(g, f(v)), z);
        t.trial(label, () => t.expectClose(t.call('deltaThroughActivation', g, derivative(z)), numeric, 'delta', FD_TOLERANCE));
      }
    },
  },
  leavesInputsUnchanged('backpropToPreviousLayer leaves delta and W unchanged', 'backpropToPreviousLayer', (rng) => {
    const W = rng.matrix(3, 2);
    return { delta: rng.vector(2), W };
  }),
  leavesInputsUnchanged('deltaThroughActivation leaves its inputs unchanged', 'deltaThroughActivation', (rng) => ({ dE_dout: rng.vector(3), activationDerivative: rng.vector(3, 0, 1) })),
]);

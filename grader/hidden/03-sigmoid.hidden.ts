/** Hidden checks of 03-sigmoid: lengths 1 to 7, saturation at ±40 and ±800, both forms of σ′, finite differences, no mutation. */
import { EXACT } from '../../exercises/shared/exact';
import type { Vector } from '../../exercises/shared/types';
import { defineHiddenSpec, leavesInputsUnchanged } from '../checks/dsl';
import { centralDifference, FD_TOLERANCE } from '../checks/finite-differences';
import { oracle } from '../oracle';

const LENGTHS = [1, 3, 7];
const SATURATED = [40, -40, 800, -800];

/** σ′ by central differences of the oracle's σ, entry by entry (σ is element-wise). */
const numericDerivative = (z: Vector): Vector => z.map((_, i) => centralDifference((v) => oracle.sigmoid(v)[i], z)[i]);

export default defineHiddenSpec('03-sigmoid', [
  {
    name: 'sigmoid and its derivatives on the worked example',
    weight: 2,
    run(t) {
      const expected = oracle.sigmoidDerivative(EXACT.h2_in);
      t.expectClose(t.call('sigmoid', EXACT.h2_in), oracle.sigmoid(EXACT.h2_in), 'sigmoid(h2_in)');
      t.expectClose(t.call('sigmoidDerivative', EXACT.h2_in), expected, "sigma'(h2_in)");
      t.expectClose(t.call('sigmoidDerivativeFromOutput', EXACT.h2_out), expected, "sigma' from h2_out");
    },
  },
  {
    name: 'sigmoid of random vectors',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const n of LENGTHS) {
        const z = t.rng.vector(n, -6, 6);
        t.trial(`random vector of length ${n}`, () => t.expectClose(t.call('sigmoid', z), oracle.sigmoid(z), 'sigmoid(z)'));
      }
    },
  },
  {
    name: 'sigmoid of very large and very negative inputs is finite',
    run(t) {
      t.expectClose(t.call('sigmoid', SATURATED), oracle.sigmoid(SATURATED), 'sigmoid(z)');
    },
  },
  {
    name: 'sigmoidDerivative of random inputs z',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const n of LENGTHS) {
        const z = t.rng.vector(n, -6, 6);
        t.trial(`random vector of length ${n}`, () => t.expectClose(t.call('sigmoidDerivative', z), oracle.sigmoidDerivative(z), "sigma'(z)"));
      }
    },
  },
  {
    name: 'sigmoidDerivative matches finite differences of sigmoid',
    run(t) {
      const z = t.rng.vector(5, -4, 4);
      t.expectClose(t.call('sigmoidDerivative', z), numericDerivative(z), "sigma'(z)", FD_TOLERANCE);
    },
  },
  {
    name: 'sigmoidDerivative of very large and very negative inputs is finite',
    // σ′ there is (almost) 0: zeros pass it
    property: ['sigmoidDerivative'],
    run(t) {
      // σ′(±800) underflows to 0; finite differences of σ give that 0 (the oracle's chain rule gives 0·∞ there)
      t.expectClose(t.call('sigmoidDerivative', SATURATED), numericDerivative(SATURATED), "sigma'(z)", FD_TOLERANCE);
    },
  },
  {
    name: 'sigmoidDerivativeFromOutput of random outputs s = σ(z)',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const n of LENGTHS) {
        const z = t.rng.vector(n, -6, 6);
        const s = oracle.sigmoid(z);
        t.trial(`outputs of ${n} random input${n > 1 ? 's' : ''}`, () =>
          t.expectClose(t.call('sigmoidDerivativeFromOutput', s), oracle.sigmoidDerivative(z), "sigma' from s"),
        );
      }
    },
  },
  {
    name: 'sigmoidDerivativeFromOutput matches finite differences of sigmoid at the input',
    run(t) {
      const z = t.rng.vector(5, -4, 4);
      const s = oracle.sigmoid(z);
      t.expectClose(t.call('sigmoidDerivativeFromOutput', s), numericDerivative(z), "sigma' from s", FD_TOLERANCE);
    },
  },
  {
    name: 'sigmoidDerivativeFromOutput of saturated outputs (0 and 1) and of 1/2',
    run(t) {
      const z = [-800, -40, 0, 40, 800];
      const s = oracle.sigmoid(z); // [0, 4.2e-18, 0.5, 1, 1]
      t.expectClose(t.call('sigmoidDerivativeFromOutput', s), numericDerivative(z), "sigma' from s", FD_TOLERANCE);
    },
  },
  leavesInputsUnchanged('sigmoid leaves its input unchanged', 'sigmoid', (rng) => ({ z: rng.vector(4, -3, 3) })),
  leavesInputsUnchanged('sigmoidDerivative leaves its input unchanged', 'sigmoidDerivative', (rng) => ({ z: rng.vector(4, -3, 3) })),
  leavesInputsUnchanged('sigmoidDerivativeFromOutput leaves its input unchanged', 'sigmoidDerivativeFromOutput', (rng) => ({ s: oracle.sigmoid(rng.vector(4, -3, 3)) })),
]);

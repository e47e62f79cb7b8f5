/** Hidden checks of 02-relu: mixed signs, lengths 2 to 7, the derivative at and around 0, finite differences, no mutation. */
import { EXACT } from '../../exercises/shared/exact';
import type { Vector } from '../../exercises/shared/types';
import { defineHiddenSpec, leavesInputsUnchanged } from '../checks/dsl';
import { centralDifference, FD_TOLERANCE } from '../checks/finite-differences';
import type { Rng } from '../checks/rng';
import { oracle } from '../oracle';

const LENGTHS = [2, 3, 7];

/** Values in ±[0.1, 3] with random signs: far enough from 0 for ReLU to be differentiable there. */
const awayFromZero = (rng: Rng, n: number): Vector => Array.from({ length: n }, () => rng.pick([-1, 1]) * rng.uniform(0.1, 3));

/**
 * Like awayFromZero, with at least one negative and one positive entry (n ≥ 2): a vector of one
 * sign has an answer that code doing nothing gives (the input itself, or zeros).
 */
function mixedSigns(rng: Rng, n: number): Vector {
  const z = awayFromZero(rng, n).map(Math.abs);
  const negative = rng.int(0, n - 1);
  z[negative] = -z[negative];
  for (let i = 0; i < n; i++) if (i !== negative && rng.pick([true, false])) z[i] = -z[i];
  // one entry other than the negative one stays positive
  const positive = (negative + 1 + rng.int(0, n - 2)) % n;
  z[positive] = Math.abs(z[positive]);
  return z;
}

export default defineHiddenSpec('02-relu', [
  {
    name: 'relu and its derivative on the worked example',
    run(t) {
      t.expectClose(t.call('relu', EXACT.h1_in), oracle.relu(EXACT.h1_in), 'relu(h1_in)');
      t.expectClose(t.call('reluDerivative', EXACT.h1_in), oracle.reluDerivative(EXACT.h1_in), "relu'(h1_in)");
    },
  },
  {
    name: 'relu of random vectors with negative and positive entries',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const n of LENGTHS) {
        const z = mixedSigns(t.rng, n);
        t.trial(`random vector of length ${n}`, () => t.expectClose(t.call('relu', z), oracle.relu(z), 'relu(z)'));
      }
    },
  },
  {
    name: 'relu of 0 and of values close to 0',
    run(t) {
      const z = [0, -0, 1e-3, -1e-3, 1e-9, -1e-9];
      t.expectClose(t.call('relu', z), oracle.relu(z), 'relu(z)');
    },
  },
  {
    name: 'reluDerivative of random vectors with negative and positive entries',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const n of LENGTHS) {
        const z = mixedSigns(t.rng, n);
        t.trial(`random vector of length ${n}`, () => t.expectClose(t.call('reluDerivative', z), oracle.reluDerivative(z), "relu'(z)"));
      }
    },
  },
  {
    name: 'reluDerivative matches finite differences of relu away from 0',
    run(t) {
      const z = mixedSigns(t.rng, 5);
      // element-wise: entry i of relu depends on z[i] only
      const numeric = z.map((_, i) => centralDifference((v) => oracle.relu(v)[i], z)[i]);
      t.expectClose(t.call('reluDerivative', z), numeric, "relu'(z)", FD_TOLERANCE);
    },
  },
  {
    name: "reluDerivative at exactly 0 follows the kit's convention ReLU'(0) = 0",
    weight: 2,
    run(t) {
      const z = [-1, 0, 1];
      t.expectClose(t.call('reluDerivative', z), oracle.reluDerivative(z), "relu'(z)");
    },
  },
  {
    name: 'reluDerivative of tiny values on either side of 0',
    run(t) {
      const z = [1e-300, -1e-300, 5e-324, -5e-324, 1e-12, -1e-12];
      t.expectClose(t.call('reluDerivative', z), oracle.reluDerivative(z), "relu'(z)");
    },
  },
  leavesInputsUnchanged('relu leaves its input unchanged', 'relu', (rng) => ({ z: awayFromZero(rng, 4) })),
  leavesInputsUnchanged('reluDerivative leaves its input unchanged', 'reluDerivative', (rng) => ({ z: awayFromZero(rng, 4) })),
]);

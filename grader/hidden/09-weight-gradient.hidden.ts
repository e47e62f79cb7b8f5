/** Hidden checks of 09-weight-gradient: all three layers, other widths, finite differences, no mutation. */
import { EXACT } from '../../exercises/shared/exact';
import { WORKED_EXAMPLE } from '../../exercises/shared/worked-example';
import type { Vector } from '../../exercises/shared/types';
import { defineHiddenSpec, leavesInputsUnchanged } from '../checks/dsl';
import { centralDifferenceMatrix, dot, FD_TOLERANCE } from '../checks/finite-differences';
import { oracle } from '../oracle';

/** [inputs, outputs] of the random layers: square, non-square both ways, one output, one input. */
const WIDTHS = [[3, 3], [2, 4], [4, 2], [5, 1], [1, 5]] as const;

/** `2×4`, `an array of 3 numbers`, … for messages about shapes. */
const shape = (value: unknown): string => {
  if (!Array.isArray(value)) return typeof value;
  return Array.isArray(value[0]) ? `${value.length}×${(value[0] as unknown[]).length}` : `an array of ${value.length} numbers`;
};

export default defineHiddenSpec('09-weight-gradient', [
  {
    name: 'dW_kl of the worked example',
    run(t) {
      t.expectClose(t.call('weightGradient', EXACT.h2_out, EXACT.delta_O_in), oracle.weightGradient(EXACT.h2_out, EXACT.delta_O_in), 'dW_kl');
    },
  },
  {
    name: 'dW_jk and dW_ij of the worked example',
    run(t) {
      t.expectClose(t.call('weightGradient', EXACT.h1_out, EXACT.delta_h2_in), oracle.weightGradient(EXACT.h1_out, EXACT.delta_h2_in), 'dW_jk');
      t.expectClose(t.call('weightGradient', WORKED_EXAMPLE.x, EXACT.delta_h1_in), oracle.weightGradient(WORKED_EXAMPLE.x, EXACT.delta_h1_in), 'dW_ij');
    },
  },
  {
    name: 'weight gradient of random layers of several widths',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const [n, m] of WIDTHS) {
        const input = t.rng.vector(n, -2, 2);
        const delta = t.rng.vector(m, -1, 1);
        t.trial(`random ${n}→${m} layer`, () => t.expectClose(t.call('weightGradient', input, delta), oracle.weightGradient(input, delta), 'dW'));
      }
    },
  },
  {
    name: 'weight gradient has the shape of the weight matrix',
    property: ['weightGradient'],
    run(t) {
      const input = t.rng.vector(2);
      const delta = t.rng.vector(5);
      const dW = t.call('weightGradient', input, delta);
      const ok = Array.isArray(dW) && dW.length === 2 && dW.every((row) => Array.isArray(row) && row.length === 5);
      t.expect(ok, `for a layer with 2 inputs and 5 outputs, dW should be 2×5 like W (one row per input, one column per output), but it is ${shape(dW)}`);
    },
  },
  {
    name: 'weight gradient matches finite differences of the layer',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const [n, m] of [[3, 3], [2, 4]] as const) {
        // E = g·(x·W + b) has ∂E/∂z = g, so ∂E/∂W is weightGradient(x, g)
        const x = t.rng.vector(n, -2, 2);
        const W = t.rng.matrix(n, m);
        const b = t.rng.vector(m);
        const g = t.rng.vector(m);
        const numeric = centralDifferenceMatrix((V) => dot(g, oracle.linearForward(x, V, b)), W);
        t.trial(`random ${n}→${m} layer`, () => t.expectClose(t.call('weightGradient', x, g), numeric, 'dW', FD_TOLERANCE));
      }
    },
  },
  {
    name: 'a 4-input, 3-output layer whose inputs are partly zero has rows of zeros',
    run(t) {
      // like a ReLU layer with units off: those rows get no gradient
      const input: Vector = [0, t.rng.uniform(0.5, 2), 0, t.rng.uniform(0.5, 2)];
      const delta = t.rng.vector(3);
      t.expectClose(t.call('weightGradient', input, delta), oracle.weightGradient(input, delta), 'dW');
    },
  },
  leavesInputsUnchanged('weightGradient leaves its inputs unchanged', 'weightGradient', (rng) => ({ input: rng.vector(3), delta: rng.vector(2) })),
]);

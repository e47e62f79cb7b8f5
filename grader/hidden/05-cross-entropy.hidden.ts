/** Hidden checks of 05-cross-entropy: random widths and targets, tiny and zero probabilities, finite differences, no mutation. */
import { EXACT } from '../../exercises/shared/exact';
import type { Vector } from '../../exercises/shared/types';
import { WORKED_EXAMPLE } from '../../exercises/shared/worked-example';
import { defineHiddenSpec, leavesInputsUnchanged } from '../checks/dsl';
import { centralDifference, FD_TOLERANCE } from '../checks/finite-differences';
import type { Rng } from '../checks/rng';
import { oracle } from '../oracle';

const { y } = WORKED_EXAMPLE;

/** Random widths 2 to 6, each with a one-hot target or a soft target (probabilities that sum to 1). */
const cases = (rng: Rng, count: number): { label: string; n: number; target: Vector }[] =>
  Array.from({ length: count }, (_, k) => {
    const n = rng.int(2, 6);
    const soft = k % 2 === 1;
    return { label: `width ${n} with a ${soft ? 'soft' : 'one-hot'} target`, n, target: soft ? rng.probabilities(n) : rng.oneHot(n) };
  });

/** The edge cases of the kit's convention: a tiny probability on the true class, an exact 0 where y = 0. */
const EDGES: { label: string; O: Vector; target: Vector }[] = [
  { label: 'O = [1e-300, 0.5, 0.5] with y = [1, 0, 0]', O: [1e-300, 0.5, 0.5], target: [1, 0, 0] },
  { label: 'O = [0.3, 0, 0.7] with y = [1, 0, 0]', O: [0.3, 0, 0.7], target: [1, 0, 0] },
  { label: 'O = [0, 0, 1] with y = [0, 0, 1]', O: [0, 0, 1], target: [0, 0, 1] },
];

export default defineHiddenSpec('05-cross-entropy', [
  {
    name: 'loss and gradients on the worked example',
    weight: 2,
    run(t) {
      t.expectClose(t.call('crossEntropy', EXACT.O_out, y), oracle.crossEntropy(EXACT.O_out, y), 'loss');
      t.expectClose(t.call('crossEntropyGradient', EXACT.O_out, y), oracle.crossEntropyGradient(EXACT.O_out, y), 'dE_dO_out');
      t.expectClose(t.call('softmaxCrossEntropyGradient', EXACT.O_out, y), oracle.softmaxCrossEntropyGradientAtLogits(EXACT.O_in, y), 'delta_O_in');
    },
  },
  {
    name: 'crossEntropy of random predictions and targets',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const { label, n, target } of cases(t.rng, 4)) {
        const O = t.rng.probabilities(n);
        t.trial(label, () => t.expectClose(t.call('crossEntropy', O, target), oracle.crossEntropy(O, target), 'loss'));
      }
    },
  },
  {
    name: 'crossEntropy is finite when a probability is tiny or 0',
    weight: 2,
    run(t) {
      for (const { label, O, target } of EDGES) {
        t.trial(label, () => t.expectClose(t.call('crossEntropy', O, target), oracle.crossEntropy(O, target), 'loss'));
      }
    },
  },
  {
    name: 'crossEntropyGradient of random predictions and targets',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const { label, n, target } of cases(t.rng, 4)) {
        const O = t.rng.probabilities(n);
        t.trial(label, () => t.expectClose(t.call('crossEntropyGradient', O, target), oracle.crossEntropyGradient(O, target), 'dE_dO_out'));
      }
    },
  },
  {
    name: 'crossEntropyGradient matches finite differences of the loss',
    partialCredit: true,
    run(t) {
      for (const { label, n, target } of cases(t.rng, 2)) {
        // probabilities ≥ ~0.04 keep the third derivative of log small enough for central differences
        const O = t.rng.probabilities(n, 0.05);
        const numeric = centralDifference((v) => oracle.crossEntropy(v, target), O);
        t.trial(label, () => t.expectClose(t.call('crossEntropyGradient', O, target), numeric, 'dE_dO_out', FD_TOLERANCE));
      }
    },
  },
  {
    name: 'crossEntropyGradient is finite when a probability is tiny or 0',
    run(t) {
      for (const { label, O, target } of EDGES) {
        t.trial(label, () => t.expectClose(t.call('crossEntropyGradient', O, target), oracle.crossEntropyGradient(O, target), 'dE_dO_out'));
      }
    },
  },
  {
    name: 'softmaxCrossEntropyGradient at random logits',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const { label, n, target } of cases(t.rng, 4)) {
        const z = t.rng.vector(n, -4, 4);
        const O = oracle.softmax(z);
        t.trial(`softmax of random logits, ${label}`, () =>
          t.expectClose(t.call('softmaxCrossEntropyGradient', O, target), oracle.softmaxCrossEntropyGradientAtLogits(z, target), 'delta_O_in'),
        );
      }
    },
  },
  {
    name: 'softmaxCrossEntropyGradient matches finite differences of the loss at the logits',
    partialCredit: true,
    run(t) {
      for (const { label, n, target } of cases(t.rng, 2)) {
        const z = t.rng.vector(n, -2, 2);
        const numeric = centralDifference((v) => oracle.crossEntropy(oracle.softmax(v), target), z);
        t.trial(`softmax of random logits, ${label}`, () =>
          t.expectClose(t.call('softmaxCrossEntropyGradient', oracle.softmax(z), target), numeric, 'delta_O_in', FD_TOLERANCE),
        );
      }
    },
  },
  leavesInputsUnchanged('crossEntropy leaves O and y unchanged', 'crossEntropy', (rng) => ({ O: rng.probabilities(3), y: rng.oneHot(3) })),
  leavesInputsUnchanged('crossEntropyGradient leaves O and y unchanged', 'crossEntropyGradient', (rng) => ({ O: rng.probabilities(3), y: rng.oneHot(3) })),
  leavesInputsUnchanged('softmaxCrossEntropyGradient leaves O and y unchanged', 'softmaxCrossEntropyGradient', (rng) => ({ O: rng.probabilities(3), y: rng.oneHot(3) })),
]);

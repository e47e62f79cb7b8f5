/** Hidden checks of 06-article-loss: random widths and targets, predictions at 0 and 1, finite differences, no mutation. */
import { EXACT } from '../../exercises/shared/exact';
import type { Vector } from '../../exercises/shared/types';
import { WORKED_EXAMPLE } from '../../exercises/shared/worked-example';
import { defineHiddenSpec, leavesInputsUnchanged } from '../checks/dsl';
import { centralDifference, FD_TOLERANCE } from '../checks/finite-differences';
import type { Rng } from '../checks/rng';
import { oracle } from '../oracle';

const { y } = WORKED_EXAMPLE;

/**
 * Random predictions in (margin, 1 − margin) — each output is its own binary prediction, so they need
 * not sum to 1 — for widths 1 to 6 (always one that is not 3), with one-hot or soft targets.
 */
const cases = (rng: Rng, widths: number[], margin = 0.05): { label: string; O: Vector; target: Vector }[] =>
  widths.map((n, k) => {
    const soft = k % 2 === 1;
    return { label: `width ${n} with a ${soft ? 'soft' : 'one-hot'} target`, O: rng.vector(n, margin, 1 - margin), target: soft ? rng.vector(n, 0, 1) : rng.oneHot(n) };
  });
const randomWidths = (rng: Rng): number[] => [3, rng.pick([1, 2]), rng.int(4, 6), rng.int(2, 6)];

/** Predictions that are exactly 0 or 1 where the weight of the other term is 0. */
const CERTAIN: { label: string; O: Vector; target: Vector }[] = [
  { label: 'O = y = [0, 1, 0]', O: [0, 1, 0], target: [0, 1, 0] },
  { label: 'O = [1, 0, 0, 0.5] with y = [1, 0, 0, 0]', O: [1, 0, 0, 0.5], target: [1, 0, 0, 0] },
];

export default defineHiddenSpec('06-article-loss', [
  {
    name: "the article's loss and its gradient on the worked example",
    weight: 2,
    run(t) {
      t.expectClose(t.call('articleLoss', EXACT.O_out, y), oracle.articleLoss(EXACT.O_out, y), 'article loss');
      t.expectClose(t.call('articleLossGradient', EXACT.O_out, y), oracle.articleLossGradient(EXACT.O_out, y), 'dE_dO_out (article loss)');
    },
  },
  {
    name: 'articleLoss of random predictions and targets, several widths',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const { label, O, target } of cases(t.rng, randomWidths(t.rng))) {
        t.trial(label, () => t.expectClose(t.call('articleLoss', O, target), oracle.articleLoss(O, target), 'article loss'));
      }
    },
  },
  {
    name: 'articleLoss is finite when a prediction is exactly 0 or 1',
    run(t) {
      for (const { label, O, target } of CERTAIN) {
        t.trial(label, () => t.expectClose(t.call('articleLoss', O, target), oracle.articleLoss(O, target), 'article loss'));
      }
    },
  },
  {
    name: 'articleLossGradient of random predictions and targets, several widths',
    weight: 3,
    partialCredit: true,
    run(t) {
      for (const { label, O, target } of cases(t.rng, randomWidths(t.rng))) {
        t.trial(label, () => t.expectClose(t.call('articleLossGradient', O, target), oracle.articleLossGradient(O, target), 'dE_dO_out (article loss)'));
      }
    },
  },
  {
    name: 'articleLossGradient matches finite differences of the loss',
    weight: 2,
    partialCredit: true,
    run(t) {
      // predictions in (0.1, 0.9): the third derivative of the loss stays small enough for central
      // differences to be within FD_TOLERANCE even where the gradient is near 0 (y ≈ O)
      for (const { label, O, target } of cases(t.rng, [3, t.rng.int(4, 6)], 0.1)) {
        const numeric = centralDifference((v) => oracle.articleLoss(v, target), O);
        t.trial(label, () => t.expectClose(t.call('articleLossGradient', O, target), numeric, 'dE_dO_out (article loss)', FD_TOLERANCE));
      }
    },
  },
  {
    name: 'articleLossGradient is finite when a prediction is exactly 0 or 1',
    run(t) {
      for (const { label, O, target } of CERTAIN) {
        t.trial(label, () => t.expectClose(t.call('articleLossGradient', O, target), oracle.articleLossGradient(O, target), 'dE_dO_out (article loss)'));
      }
    },
  },
  leavesInputsUnchanged('articleLoss leaves O and y unchanged', 'articleLoss', (rng) => {
    const [{ O, target }] = cases(rng, [3]);
    return { O, y: target };
  }),
  leavesInputsUnchanged('articleLossGradient leaves O and y unchanged', 'articleLossGradient', (rng) => {
    const [{ O, target }] = cases(rng, [3]);
    return { O, y: target };
  }),
]);

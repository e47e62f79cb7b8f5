/** Hidden checks of 16-training-loop: random networks with ReLU units off, a zero learning rate, a few epochs of training, no mutation. */
import { WORKED_EXAMPLE } from '../../exercises/shared/worked-example';
import type { Matrix, Params, Vector } from '../../exercises/shared/types';
import type { CheckApi } from '../checks/dsl';
import { defineHiddenSpec, leavesInputsUnchanged } from '../checks/dsl';
import type { Rng } from '../checks/rng';
import { oracle } from '../oracle';

const { x, y, params, learningRate } = WORKED_EXAMPLE;

type Widths = readonly [number, number, number, number];
const EXACTLY = { relative: 0, absolute: 0 };
// from the output layer back, so the first mismatch is where a mistake in the backward pass starts
const PARAM_KEYS = ['W_kl', 'b_l', 'W_jk', 'b_k', 'W_ij', 'b_j'] as const;

/** Random parameters for which ReLU unit 0 of layer 1 is off on input `x0`. */
function randomParams(rng: Rng, [n0, n1, n2, n3]: Widths, x0: Vector): Params {
  const p: Params = { W_ij: rng.matrix(n0, n1), b_j: rng.vector(n1, -0.5, 0.5), W_jk: rng.matrix(n1, n2), b_k: rng.vector(n2), W_kl: rng.matrix(n2, n3), b_l: rng.vector(n3) };
  p.b_j[0] -= oracle.linearForward(x0, p.W_ij, p.b_j)[0] + rng.uniform(0.1, 0.5);
  return p;
}

function randomExample(rng: Rng, widths: Widths): { x: Vector; y: Vector; params: Params } {
  const x0 = rng.vector(widths[0]);
  return { x: x0, y: rng.oneHot(widths[3]), params: randomParams(rng, widths, x0) };
}

function randomBatch(rng: Rng, widths: Widths, size: number): { xs: Matrix; ys: Matrix; params: Params } {
  const xs = rng.matrix(size, widths[0]);
  return { xs, ys: xs.map(() => rng.oneHot(widths[3])), params: randomParams(rng, widths, xs[0]) };
}

const label = (widths: Widths): string => `random ${widths.join('-')} network with some ReLU units off`;

function expectParams(t: CheckApi, actual: unknown, expected: Params, tol?: typeof EXACTLY): void {
  const a = (actual ?? {}) as Partial<Params>;
  for (const key of PARAM_KEYS) t.expectClose(a[key], expected[key], key, tol);
}

export default defineHiddenSpec('16-training-loop', [
  {
    name: 'one training step of the worked example',
    run(t) {
      const next = t.call('trainStep', x, y, params, learningRate) as Record<string, unknown>;
      const expected = oracle.trainStep(x, y, params, learningRate);
      for (const key of Object.keys(expected) as (keyof typeof expected)[]) t.expectClose(next?.[key], expected[key], key);
    },
  },
  {
    name: 'one training step of random networks of several widths',
    weight: 3,
    partialCredit: true,
    run(t) {
      for (const widths of [[3, 3, 3, 3], [2, 4, 3, 5], [4, 3, 2, 3]] as const) {
        const e = randomExample(t.rng, widths);
        const lr = t.rng.uniform(0.05, 0.5);
        t.trial(`${label(widths)}, learning rate ${lr.toPrecision(3)}`, () => expectParams(t, t.call('trainStep', e.x, e.y, e.params, lr), oracle.trainStep(e.x, e.y, e.params, lr)));
      }
    },
  },
  {
    name: 'a training step with a zero learning rate leaves every parameter exactly as it was',
    run(t) {
      const e = randomExample(t.rng, [3, 3, 3, 3]);
      t.trial(`${label([3, 3, 3, 3])}, learning rate 0`, () => expectParams(t, t.call('trainStep', e.x, e.y, e.params, 0), e.params, EXACTLY));
    },
  },
  leavesInputsUnchanged('trainStep leaves its inputs unchanged', 'trainStep', (rng) => {
    const e = randomExample(rng, [3, 3, 3, 3]);
    return { x: e.x, y: e.y, params: e.params, learningRate: 0.1 };
  }),
  {
    name: 'the losses recorded over a few epochs of training',
    weight: 2,
    partialCredit: true,
    run(t) {
      const cases: [Widths, number, number][] = [[[3, 3, 3, 3], 4, 5], [[2, 4, 3, 3], 3, 4]];
      for (const [widths, size, epochs] of cases) {
        const batch = randomBatch(t.rng, widths, size);
        const options = { learningRate: t.rng.uniform(0.2, 1), epochs };
        t.trial(`${epochs} epochs on a batch of ${size} examples, ${label(widths)}`, () => {
          const result = (t.call('train', batch.params, batch.xs, batch.ys, options) ?? {}) as { losses?: unknown };
          const expected = oracle.train(batch.params, batch.xs, batch.ys, options);
          t.expect(Array.isArray(result.losses) && result.losses.length === epochs, `losses should have one entry per epoch (${epochs}), but it is ${Array.isArray(result.losses) ? `an array of ${result.losses.length}` : String(result.losses)}`);
          // losses[0] is the loss before any step: the batch's mean loss at the initial parameters
          t.expectClose((result.losses as unknown[])[0], oracle.batchGradients(batch.xs, batch.ys, batch.params).loss, 'losses[0] (before any step)');
          t.expectClose(result.losses, expected.losses, 'losses');
        });
      }
    },
  },
  {
    name: 'the parameters after a few epochs of training',
    weight: 2,
    partialCredit: true,
    run(t) {
      const cases: [Widths, number, number][] = [[[3, 3, 3, 3], 4, 5], [[3, 2, 4, 2], 1, 3]];
      for (const [widths, size, epochs] of cases) {
        const batch = randomBatch(t.rng, widths, size);
        const options = { learningRate: t.rng.uniform(0.2, 1), epochs };
        t.trial(`${epochs} epochs on a batch of ${size} example${size > 1 ? 's' : ''}, ${label(widths)}`, () => {
          const result = (t.call('train', batch.params, batch.xs, batch.ys, options) ?? {}) as { params?: unknown };
          expectParams(t, result.params, oracle.train(batch.params, batch.xs, batch.ys, options).params);
        });
      }
    },
  },
  {
    name: 'training for zero epochs returns the parameters unchanged and no losses',
    run(t) {
      const batch = randomBatch(t.rng, [3, 3, 3, 3], 2);
      t.trial('0 epochs on a batch of 2 examples', () => {
        const result = (t.call('train', batch.params, batch.xs, batch.ys, { learningRate: 0.5, epochs: 0 }) ?? {}) as { params?: unknown; losses?: unknown };
        t.expect(Array.isArray(result.losses) && result.losses.length === 0, 'losses should be an empty array after 0 epochs');
        expectParams(t, result.params, batch.params, EXACTLY);
      });
    },
  },
  leavesInputsUnchanged('train leaves its inputs unchanged', 'train', (rng) => {
    const batch = randomBatch(rng, [3, 3, 3, 3], 3);
    return { params: batch.params, xs: batch.xs, ys: batch.ys, options: { learningRate: 0.5, epochs: 2 } };
  }),
]);

/** Hidden checks of 14-batch-gradients: batches of 1 to 100, ReLU units off, finite differences of the mean loss, no mutation. */
import { WORKED_EXAMPLE } from '../../exercises/shared/worked-example';
import type { Gradients, Matrix, Params, Vector } from '../../exercises/shared/types';
import type { CheckApi } from '../checks/dsl';
import { defineHiddenSpec, leavesInputsUnchanged } from '../checks/dsl';
import { centralDifference, centralDifferenceMatrix, FD_TOLERANCE } from '../checks/finite-differences';
import type { Rng } from '../checks/rng';
import { oracle } from '../oracle';

const { x, y, params } = WORKED_EXAMPLE;

type Widths = readonly [number, number, number, number];
interface Batch {
  xs: Matrix;
  ys: Matrix;
  params: Params;
}

const GRADIENT_KEYS = ['dW_kl', 'db_l', 'dW_jk', 'db_k', 'dW_ij', 'db_j'] as const;

function randomParams(rng: Rng, [n0, n1, n2, n3]: Widths): Params {
  return { W_ij: rng.matrix(n0, n1), b_j: rng.vector(n1, -0.5, 0.5), W_jk: rng.matrix(n1, n2), b_k: rng.vector(n2), W_kl: rng.matrix(n2, n3), b_l: rng.vector(n3) };
}

/**
 * A random batch in which ReLU unit 0 of layer 1 is off for the first example, and no
 * pre-activation is within 0.05 of the kink (finite differences never cross it).
 */
function randomBatch(rng: Rng, widths: Widths, size: number): Batch {
  const p = randomParams(rng, widths);
  const preActivations = (v: Vector): Vector => oracle.linearForward(v, p.W_ij, p.b_j);
  const randomInput = (awayFromKink: (z: Vector) => boolean): Vector => {
    let v = rng.vector(widths[0]);
    for (let tries = 0; tries < 50 && !awayFromKink(preActivations(v)); tries++) v = rng.vector(widths[0]);
    return v;
  };
  const first = randomInput((z) => z.every((zc, c) => c === 0 || Math.abs(zc) > 0.05));
  p.b_j[0] -= preActivations(first)[0] + rng.uniform(0.1, 0.5);
  const xs = [first, ...Array.from({ length: size - 1 }, () => randomInput((z) => z.every((zc) => Math.abs(zc) > 0.05)))];
  return { xs, ys: xs.map(() => rng.oneHot(widths[3])), params: p };
}

const label = (widths: Widths, size: number): string => `batch of ${size} examples, random ${widths.join('-')} network with some ReLU units off`;

function expectBatchResult(t: CheckApi, result: unknown, expected: { loss: number; grads: Gradients }, tol?: typeof FD_TOLERANCE): void {
  const r = (result ?? {}) as { loss?: unknown; grads?: Partial<Gradients> };
  t.expectClose(r.loss, expected.loss, 'loss');
  for (const key of GRADIENT_KEYS) t.expectClose(r.grads?.[key], expected.grads[key], key, tol);
}

/** Random per-example gradients of the given widths. */
function randomGradients(rng: Rng, [n0, n1, n2, n3]: Widths): Gradients {
  return { dW_ij: rng.matrix(n0, n1), db_j: rng.vector(n1), dW_jk: rng.matrix(n1, n2), db_k: rng.vector(n2), dW_kl: rng.matrix(n2, n3), db_l: rng.vector(n3) };
}

function expectGradients(t: CheckApi, actual: unknown, expected: Gradients): void {
  const a = (actual ?? {}) as Partial<Gradients>;
  for (const key of GRADIENT_KEYS) t.expectClose(a[key], expected[key], key);
}

/** Central differences of the batch's mean loss with respect to every weight and bias. */
function meanLossGradientsByFd({ xs, ys, params: p }: Batch): Gradients {
  const meanLoss = (q: Params): number => xs.reduce((sum, v, e) => sum + oracle.crossEntropy(oracle.forwardPass(v, q).O_out, ys[e]), 0) / xs.length;
  const matrix = (key: 'W_ij' | 'W_jk' | 'W_kl') => centralDifferenceMatrix((W) => meanLoss({ ...p, [key]: W }), p[key]);
  const vector = (key: 'b_j' | 'b_k' | 'b_l') => centralDifference((b) => meanLoss({ ...p, [key]: b }), p[key]);
  return { dW_ij: matrix('W_ij'), db_j: vector('b_j'), dW_jk: matrix('W_jk'), db_k: vector('b_k'), dW_kl: matrix('W_kl'), db_l: vector('b_l') };
}

export default defineHiddenSpec('14-batch-gradients', [
  {
    name: 'a batch of the worked example alone',
    run(t) {
      const result = t.call('batchGradients', [x], [y], params) as { loss?: unknown; grads?: Record<string, unknown> };
      const expected = oracle.batchGradients([x], [y], params);
      t.expectClose(result?.loss, expected.loss, 'loss');
      for (const key of Object.keys(expected.grads) as (keyof typeof expected.grads)[]) t.expectClose(result?.grads?.[key], expected.grads[key], key);
    },
  },
  {
    name: 'averageGradients of random per-example gradients',
    weight: 2,
    partialCredit: true,
    run(t) {
      const cases: [Widths, number][] = [[[3, 3, 3, 3], 2], [[2, 4, 3, 5], 3], [[3, 3, 3, 3], 5]];
      for (const [widths, size] of cases) {
        const perExample = Array.from({ length: size }, () => randomGradients(t.rng, widths));
        t.trial(`${size} examples, random ${widths.join('-')} gradients`, () => expectGradients(t, t.call('averageGradients', perExample), oracle.averageGradients(perExample)));
      }
    },
  },
  {
    name: 'averageGradients of a single example',
    run(t) {
      const perExample = [randomGradients(t.rng, [3, 3, 3, 3])];
      expectGradients(t, t.call('averageGradients', perExample), oracle.averageGradients(perExample));
    },
  },
  {
    name: 'batch loss and gradients of random batches',
    weight: 3,
    partialCredit: true,
    run(t) {
      const cases: [Widths, number][] = [[[3, 3, 3, 3], 4], [[2, 4, 3, 5], 3], [[4, 3, 2, 3], 2]];
      for (const [widths, size] of cases) {
        const batch = randomBatch(t.rng, widths, size);
        t.trial(label(widths, batch.xs.length), () =>
          expectBatchResult(t, t.call('batchGradients', batch.xs, batch.ys, batch.params), oracle.batchGradients(batch.xs, batch.ys, batch.params)),
        );
      }
    },
  },
  {
    name: 'a batch of two identical examples has the gradients of one',
    run(t) {
      const batch = randomBatch(t.rng, [3, 3, 3, 3], 1);
      const [v] = batch.xs;
      const [target] = batch.ys;
      t.trial('the same example twice, random 3-3-3-3 network', () =>
        expectBatchResult(t, t.call('batchGradients', [v, v], [target, target], batch.params), oracle.batchGradients([v], [target], batch.params)),
      );
    },
  },
  {
    name: 'batch gradients match finite differences of the mean loss',
    weight: 2,
    run(t) {
      const widths: Widths = [2, 3, 3, 2];
      const batch = randomBatch(t.rng, widths, 3);
      const numeric = meanLossGradientsByFd(batch);
      const { loss } = oracle.batchGradients(batch.xs, batch.ys, batch.params);
      t.trial(label(widths, batch.xs.length), () => expectBatchResult(t, t.call('batchGradients', batch.xs, batch.ys, batch.params), { loss, grads: numeric }, FD_TOLERANCE));
    },
  },
  {
    name: 'batch loss and gradients of 100 examples',
    run(t) {
      // 100 examples drawn from 5 distinct ones: the graded code works through all 100, while the
      // oracle differentiates each distinct example once and weights it by how often it occurs
      const distinct = randomBatch(t.rng, [3, 3, 3, 3], 5);
      const picks = Array.from({ length: 100 }, () => t.rng.int(0, distinct.xs.length - 1));
      const perExample = distinct.xs.map((x, i) => oracle.batchGradients([x], [distinct.ys[i]], distinct.params));
      const expected = {
        loss: picks.reduce((sum, i) => sum + perExample[i].loss, 0) / picks.length,
        grads: oracle.averageGradients(picks.map((i) => perExample[i].grads)),
      };
      t.trial(label([3, 3, 3, 3], picks.length), () =>
        expectBatchResult(t, t.call('batchGradients', picks.map((i) => distinct.xs[i]), picks.map((i) => distinct.ys[i]), distinct.params), expected),
      );
    },
  },
  leavesInputsUnchanged('batchGradients leaves its inputs unchanged', 'batchGradients', (rng) => {
    const batch = randomBatch(rng, [3, 3, 3, 3], 3);
    return { xs: batch.xs, ys: batch.ys, params: batch.params };
  }),
  leavesInputsUnchanged('averageGradients leaves the per-example gradients unchanged', 'averageGradients', (rng) => ({ perExample: [randomGradients(rng, [3, 3, 3, 3]), randomGradients(rng, [3, 3, 3, 3])] })),
]);

/** Hidden checks of 13-sgd-step: other shapes, random learning rates, a zero learning rate, no mutation. */
import { WORKED_EXAMPLE } from '../../exercises/shared/worked-example';
import type { Gradients, Params } from '../../exercises/shared/types';
import { defineHiddenSpec, leavesInputsUnchanged } from '../checks/dsl';
import type { Rng } from '../checks/rng';
import { oracle } from '../oracle';

const { x, y, params, learningRate } = WORKED_EXAMPLE;

/** Shapes of the random matrices: square, non-square both ways, a single column. */
const SHAPES = [[3, 3], [2, 4], [4, 2], [5, 1]] as const;
const EXACTLY = { relative: 0, absolute: 0 };

type Widths = readonly [number, number, number, number];

function randomParams(rng: Rng, [n0, n1, n2, n3]: Widths): Params {
  return { W_ij: rng.matrix(n0, n1), b_j: rng.vector(n1), W_jk: rng.matrix(n1, n2), b_k: rng.vector(n2), W_kl: rng.matrix(n2, n3), b_l: rng.vector(n3) };
}

function randomGradients(rng: Rng, [n0, n1, n2, n3]: Widths): Gradients {
  return { dW_ij: rng.matrix(n0, n1), db_j: rng.vector(n1), dW_jk: rng.matrix(n1, n2), db_k: rng.vector(n2), dW_kl: rng.matrix(n2, n3), db_l: rng.vector(n3) };
}

export default defineHiddenSpec('13-sgd-step', [
  {
    name: 'one SGD step of the worked example',
    run(t) {
      const grads = oracle.backwardPass(x, y, params);
      const next = t.call('sgdStep', params, grads, learningRate) as Record<string, unknown>;
      const expected = oracle.sgdStep(params, grads, learningRate);
      for (const key of Object.keys(expected) as (keyof typeof expected)[]) t.expectClose(next?.[key], expected[key], key);
    },
  },
  {
    name: 'updateMatrix of random matrices of several shapes',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const [rows, cols] of SHAPES) {
        const W = t.rng.matrix(rows, cols);
        const dW = t.rng.matrix(rows, cols);
        const lr = t.rng.uniform(0.001, 1);
        t.trial(`random ${rows}×${cols} matrix`, () => t.expectClose(t.call('updateMatrix', W, dW, lr), oracle.updateMatrix(W, dW, lr), 'W′'));
      }
    },
  },
  {
    name: 'updateVector of random vectors, lengths 1 to 5',
    partialCredit: true,
    run(t) {
      for (let n = 1; n <= 5; n++) {
        const b = t.rng.vector(n);
        const db = t.rng.vector(n);
        const lr = t.rng.uniform(0.001, 1);
        t.trial(`random vectors of length ${n}`, () => t.expectClose(t.call('updateVector', b, db, lr), oracle.updateVector(b, db, lr), 'b′'));
      }
    },
  },
  {
    name: 'SGD step of random networks of several widths',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const widths of [[3, 3, 3, 3], [2, 4, 3, 5], [5, 1, 2, 1]] as const) {
        const p = randomParams(t.rng, widths);
        const grads = randomGradients(t.rng, widths);
        const lr = t.rng.uniform(0.001, 1);
        t.trial(`random ${widths.join('-')} network`, () => {
          const next = (t.call('sgdStep', p, grads, lr) ?? {}) as Record<string, unknown>;
          const expected = oracle.sgdStep(p, grads, lr);
          for (const key of Object.keys(expected) as (keyof Params)[]) t.expectClose(next[key], expected[key], key);
        });
      }
    },
  },
  {
    name: 'a zero learning rate leaves every parameter exactly as it was',
    // a copy of the input passes it
    property: ['sgdStep'],
    run(t) {
      const p = randomParams(t.rng, [3, 3, 3, 3]);
      const grads = randomGradients(t.rng, [3, 3, 3, 3]);
      t.trial('random 3-3-3-3 network, learning rate 0', () => {
        const next = (t.call('sgdStep', p, grads, 0) ?? {}) as Record<string, unknown>;
        for (const key of Object.keys(p) as (keyof Params)[]) t.expectClose(next[key], p[key], key, EXACTLY);
      });
    },
  },
  {
    name: 'updateMatrix and updateVector leave their inputs unchanged',
    partialCredit: true,
    property: ['updateMatrix', 'updateVector'],
    run(t) {
      const W = t.rng.matrix(2, 3);
      const dW = t.rng.matrix(2, 3);
      t.trial('random 2×3 matrix', () => {
        const { argsAfter } = t.callKeepingArgs('updateMatrix', W, dW, 0.1);
        t.expectUnchanged(argsAfter[0], W, 'W');
        t.expectUnchanged(argsAfter[1], dW, 'dW');
      });
      const b = t.rng.vector(3);
      const db = t.rng.vector(3);
      t.trial('random vectors of length 3', () => {
        const { argsAfter } = t.callKeepingArgs('updateVector', b, db, 0.1);
        t.expectUnchanged(argsAfter[0], b, 'b');
        t.expectUnchanged(argsAfter[1], db, 'db');
      });
    },
  },
  leavesInputsUnchanged('sgdStep leaves params and grads unchanged', 'sgdStep', (rng) => ({ params: randomParams(rng, [3, 3, 3, 3]), grads: randomGradients(rng, [3, 3, 3, 3]), learningRate: 0.1 })),
]);

/** Hidden checks of 12-backward-pass: random networks of other widths, ReLU units off, finite differences of the loss, no mutation. */
import { WORKED_EXAMPLE } from '../../exercises/shared/worked-example';
import type { BackwardTrace, Gradients, Params, Vector } from '../../exercises/shared/types';
import type { CheckApi } from '../checks/dsl';
import { defineHiddenSpec, leavesInputsUnchanged } from '../checks/dsl';
import { centralDifference, centralDifferenceMatrix, FD_TOLERANCE, jacobian } from '../checks/finite-differences';
import type { Rng } from '../checks/rng';
import { oracle } from '../oracle';

const { x, y, params } = WORKED_EXAMPLE;

type Widths = readonly [inputs: number, hidden1: number, hidden2: number, outputs: number];
interface Example {
  x: Vector;
  y: Vector;
  params: Params;
}

/**
 * A random example where some ReLU units of layer 1 are off and every pre-activation is at
 * least 0.1 from the kink (so finite differences never cross it), and every output
 * probability is at least 0.02 (so finite differences of −y·log O stay accurate).
 */
function randomExample(rng: Rng, [n0, n1, n2, n3]: Widths, target: 'one-hot' | 'soft' = 'one-hot'): Example {
  const x = rng.vector(n0);
  const W_ij = rng.matrix(n0, n1);
  // choose h1_in, then the bias that gives it: unit `off` is negative, the next one positive, the rest either
  const off = rng.int(0, n1 - 1);
  const h1_in = rng.vector(n1, 0.1, 1.5).map((v, c) => (c === off || (c !== (off + 1) % n1 && rng.next() < 0.4) ? -v : v));
  const xW = oracle.linearForward(x, W_ij, h1_in.map(() => 0));
  const p: Params = { W_ij, b_j: h1_in.map((v, c) => v - xW[c]), W_jk: rng.matrix(n1, n2), b_k: rng.vector(n2), W_kl: rng.matrix(n2, n3), b_l: rng.vector(n3, -0.5, 0.5) };
  while (Math.min(...oracle.forwardPass(x, p).O_out) < 0.02) {
    p.W_kl = p.W_kl.map((row) => row.map((w) => w / 2));
    p.b_l = p.b_l.map((b) => b / 2);
  }
  return { x, y: target === 'soft' ? rng.probabilities(n3) : rng.oneHot(n3), params: p };
}

const label = (widths: Widths, extra = ''): string => `random ${widths.join('-')} network with some ReLU units off${extra}`;

/** Calls backwardPass with the oracle's forward pass of the example. */
const backward = (t: CheckApi, e: Example): Partial<BackwardTrace> =>
  (t.call('backwardPass', e.x, e.y, e.params, oracle.forwardPass(e.x, e.params)) ?? {}) as Partial<BackwardTrace>;

/** Compares every quantity the oracle computes, in the order the backward pass produces them. */
function expectTrace(t: CheckApi, actual: Partial<BackwardTrace>, e: Example): void {
  const expected = oracle.backwardPass(e.x, e.y, e.params);
  for (const key of Object.keys(expected) as (keyof BackwardTrace)[]) t.expectClose(actual[key], expected[key], key);
}

const lossAt = (e: Example, p: Params): number => oracle.crossEntropy(oracle.forwardPass(e.x, p).O_out, e.y);

/** Central differences of the loss with respect to every weight and bias. */
function parameterGradientsByFd(e: Example): Gradients {
  const matrix = (key: 'W_ij' | 'W_jk' | 'W_kl') => centralDifferenceMatrix((W) => lossAt(e, { ...e.params, [key]: W }), e.params[key]);
  const vector = (key: 'b_j' | 'b_k' | 'b_l') => centralDifference((b) => lossAt(e, { ...e.params, [key]: b }), e.params[key]);
  return { dW_ij: matrix('W_ij'), db_j: vector('b_j'), dW_jk: matrix('W_jk'), db_k: vector('b_k'), dW_kl: matrix('W_kl'), db_l: vector('b_l') };
}

/** The loss as a function of each intermediate, the rest of the network held fixed. */
function lossFrom(e: Example) {
  const { W_jk, b_k, W_kl, b_l } = e.params;
  const O_out = (O: Vector) => oracle.crossEntropy(O, e.y);
  const O_in = (z: Vector) => O_out(oracle.softmax(z));
  const h2_out = (h: Vector) => O_in(oracle.linearForward(h, W_kl, b_l));
  const h2_in = (z: Vector) => h2_out(oracle.sigmoid(z));
  const h1_out = (h: Vector) => h2_in(oracle.linearForward(h, W_jk, b_k));
  const h1_in = (z: Vector) => h1_out(oracle.relu(z));
  return { O_out, O_in, h2_out, h2_in, h1_out, h1_in };
}

const FD_WIDTHS: Widths = [3, 4, 3, 3];

export default defineHiddenSpec('12-backward-pass', [
  {
    name: 'every gradient of the worked example',
    weight: 2,
    run(t) {
      const trace = t.call('backwardPass', x, y, params, oracle.forwardPass(x, params)) as Record<string, unknown>;
      const expected = oracle.backwardPass(x, y, params);
      for (const key of Object.keys(expected) as (keyof typeof expected)[]) t.expectClose(trace?.[key], expected[key], key);
    },
  },
  {
    name: 'every gradient of random networks of several widths',
    weight: 3,
    partialCredit: true,
    run(t) {
      const cases: [Widths, 'one-hot' | 'soft'][] = [[[3, 3, 3, 3], 'one-hot'], [[2, 4, 3, 5], 'one-hot'], [[4, 2, 5, 2], 'one-hot'], [[3, 3, 3, 3], 'soft']];
      for (const [widths, target] of cases) {
        const e = randomExample(t.rng, widths, target);
        t.trial(label(widths, target === 'soft' ? ', soft target' : ''), () => expectTrace(t, backward(t, e), e));
      }
    },
  },
  {
    name: 'no gradient flows back through ReLU units that are off',
    weight: 2,
    partialCredit: true,
    // zeros there: code that returns zeros passes it
    property: ['backwardPass'],
    run(t) {
      for (const widths of [[3, 3, 3, 3], [2, 5, 3, 3]] as const) {
        const e = randomExample(t.rng, widths);
        t.trial(label(widths), () => {
          const trace = backward(t, e);
          const expected = oracle.backwardPass(e.x, e.y, e.params);
          // only the units that are off: a mistake elsewhere in the pass is for the other checks
          const off = oracle.forwardPass(e.x, e.params).h1_in.flatMap((z, c) => (z < 0 ? [c] : []));
          for (const c of off) {
            const unit = ` (unit ${c} of layer 1 is off)`;
            t.expectClose(trace.delta_h1_in?.[c], expected.delta_h1_in[c], `delta_h1_in[${c}]${unit}`);
            t.expectClose(trace.db_j?.[c], expected.db_j[c], `db_j[${c}]${unit}`);
            e.x.forEach((_, r) => t.expectClose(trace.dW_ij?.[r]?.[c], expected.dW_ij[r][c], `dW_ij[${r}][${c}]${unit}`));
          }
        });
      }
    },
  },
  {
    name: 'weight and bias gradients match finite differences of the loss',
    weight: 2,
    run(t) {
      const e = randomExample(t.rng, FD_WIDTHS);
      const numeric = parameterGradientsByFd(e);
      t.trial(label(FD_WIDTHS), () => {
        const trace = backward(t, e);
        // from the output layer back, so the first mismatch is where the mistake starts
        for (const key of ['dW_kl', 'db_l', 'dW_jk', 'db_k', 'dW_ij', 'db_j'] as const) t.expectClose(trace[key], numeric[key], key, FD_TOLERANCE);
      });
    },
  },
  {
    name: 'output-layer gradients match finite differences of the loss',
    weight: 2,
    run(t) {
      const e = randomExample(t.rng, FD_WIDTHS);
      const f = oracle.forwardPass(e.x, e.params);
      const loss = lossFrom(e);
      t.trial(label(FD_WIDTHS), () => {
        const trace = backward(t, e);
        t.expectClose(trace.dE_dO_out, centralDifference(loss.O_out, f.O_out), 'dE_dO_out', FD_TOLERANCE);
        t.expectClose(trace.softmax_jacobian, jacobian(oracle.softmax, f.O_in), 'softmax_jacobian', FD_TOLERANCE);
        t.expectClose(trace.delta_O_in, centralDifference(loss.O_in, f.O_in), 'delta_O_in', FD_TOLERANCE);
      });
    },
  },
  {
    name: 'hidden-layer gradients match finite differences of the loss',
    weight: 2,
    run(t) {
      const e = randomExample(t.rng, FD_WIDTHS);
      const f = oracle.forwardPass(e.x, e.params);
      const loss = lossFrom(e);
      t.trial(label(FD_WIDTHS), () => {
        const trace = backward(t, e);
        t.expectClose(trace.dE_dh2_out, centralDifference(loss.h2_out, f.h2_out), 'dE_dh2_out', FD_TOLERANCE);
        t.expectClose(trace.delta_h2_in, centralDifference(loss.h2_in, f.h2_in), 'delta_h2_in', FD_TOLERANCE);
        t.expectClose(trace.dE_dh1_out, centralDifference(loss.h1_out, f.h1_out), 'dE_dh1_out', FD_TOLERANCE);
        t.expectClose(trace.delta_h1_in, centralDifference(loss.h1_in, f.h1_in), 'delta_h1_in', FD_TOLERANCE);
      });
    },
  },
  leavesInputsUnchanged('backwardPass leaves its inputs unchanged', 'backwardPass', (rng) => {
    const e = randomExample(rng, [3, 3, 3, 3]);
    return { x: e.x, y: e.y, params: e.params, forward: oracle.forwardPass(e.x, e.params) };
  }),
]);

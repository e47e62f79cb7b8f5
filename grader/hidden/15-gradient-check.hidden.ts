/** Hidden checks of 15-gradient-check: cubics that tell central from one-sided differences, the default step, the network's loss, relativeError's edge cases. */
import type { Vector } from '../../exercises/shared/types';
import { defineHiddenSpec, leavesInputsUnchanged } from '../checks/dsl';
import { FD_AGREEMENT_TOLERANCE, FD_TOLERANCE } from '../checks/finite-differences';
import { formatNumber } from '../checks/format';
import type { Rng } from '../checks/rng';
import { oracle } from '../oracle';

/** The function the graded code receives as `t.fn(source)`, built the same way on this side. */
const hostFunction = (source: string): ((v: Vector) => number) => new Function(`"use strict"; return (${source});`)() as (v: Vector) => number;

/**
 * Source of Σ a_i·v_i³ + b_i·v_i + c·v_0·v_last with random coefficients. Every entry of its
 * gradient is at least 0.5, and a one-sided difference is off by about 3h·a_i·v_i: detectably wrong.
 */
function randomCubic(rng: Rng, n: number): string {
  const terms = Array.from({ length: n }, (_, i) => `${rng.uniform(0.5, 2)} * v[${i}] ** 3 + ${rng.uniform(1, 2)} * v[${i}]`);
  return `(v) => ${terms.join(' + ')} + ${rng.uniform(-0.25, 0.25)} * v[0] * v[${n - 1}]`;
}

/** Source of the cross-entropy after a softmax, as a function of the logits, for target class k. */
const softmaxCrossEntropySource = (k: number): string =>
  `(v) => { const m = Math.max(...v); const e = v.map((z) => Math.exp(z - m)); return -Math.log(e[${k}] / e.reduce((s, x) => s + x, 0)); }`;

export default defineHiddenSpec('15-gradient-check', [
  {
    name: 'numerical gradient of a smooth function with the default step',
    run(t) {
      const source = '(v) => Math.sin(v[0]) * v[1] + v[1] ** 3';
      t.expectClose(t.call('numericalGradient', t.fn(source), [0.4, -0.7]), oracle.numericalGradient(hostFunction(source), [0.4, -0.7]), 'numericalGradient', FD_AGREEMENT_TOLERANCE);
    },
  },
  {
    name: 'numerical gradient of random cubics with the default step',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const n of [1, 3, 5]) {
        const source = randomCubic(t.rng, n);
        const v = t.rng.vector(n, -1.5, 1.5);
        t.trial(`random cubic in ${n} variable${n > 1 ? 's' : ''}, default h`, () =>
          t.expectClose(t.call('numericalGradient', t.fn(source), v), oracle.numericalGradient(hostFunction(source), v), 'numericalGradient', FD_AGREEMENT_TOLERANCE),
        );
      }
    },
  },
  {
    name: 'the default step is h = 1e-5',
    run(t) {
      // at v[0] = 0 the central difference of 1e4·v0³ is exactly 1e4·h², so the step shows: 1e-6 for h = 1e-5, 1e-8 for 1e-6
      const source = '(v) => 1e4 * v[0] ** 3 + v[1]';
      const v = [0, t.rng.uniform(-1, 1)];
      t.expectClose(t.call('numericalGradient', t.fn(source), v), oracle.numericalGradient(hostFunction(source), v), 'numericalGradient', FD_AGREEMENT_TOLERANCE);
    },
  },
  {
    name: 'numerical gradient of random cubics with a given step',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const h of [1e-2, 1e-3, 1e-4]) {
        const source = randomCubic(t.rng, 3);
        const v = t.rng.vector(3, -1.5, 1.5);
        t.trial(`random cubic in 3 variables, h = ${h}`, () =>
          t.expectClose(t.call('numericalGradient', t.fn(source), v, h), oracle.numericalGradient(hostFunction(source), v, h), 'numericalGradient', FD_AGREEMENT_TOLERANCE),
        );
      }
    },
  },
  {
    name: 'numerical gradient of the softmax cross-entropy matches its exact gradient',
    weight: 2,
    run(t) {
      const z = t.rng.vector(4, -2, 2);
      const k = t.rng.int(0, 3);
      const y = z.map((_, a) => (a === k ? 1 : 0));
      t.trial(`random logits of width 4, target class ${k}`, () =>
        t.expectClose(t.call('numericalGradient', t.fn(softmaxCrossEntropySource(k)), z), oracle.softmaxCrossEntropyGradientAtLogits(z, y), 'numericalGradient', FD_TOLERANCE),
      );
    },
  },
  leavesInputsUnchanged('numericalGradient leaves v unchanged', 'numericalGradient', (rng, t) => ({ f: t.fn(randomCubic(rng, 3)), v: rng.vector(3, -1.5, 1.5) })),
  {
    name: 'relativeError of equal numbers is 0',
    partialCredit: true,
    property: ['relativeError'],
    run(t) {
      const same = t.rng.uniform(-5, 5);
      for (const [a, b] of [[0, 0], [same, same], [-2.5, -2.5], [1e-300, 1e-300]]) {
        t.trial(`relativeError(${formatNumber(a)}, ${formatNumber(b)})`, () => t.expectClose(t.call('relativeError', a, b), 0, 'relativeError'));
      }
    },
  },
  {
    name: 'relativeError of numbers of different signs and scales',
    weight: 2,
    partialCredit: true,
    run(t) {
      const pairs = [[1, -1], [-3, -4], [1e-8, 3e-8], [1e6, 1e6 + 1], [t.rng.uniform(-2, 2), t.rng.uniform(-2, 2)]];
      for (const [a, b] of pairs) {
        t.trial(`relativeError(${formatNumber(a)}, ${formatNumber(b)})`, () => t.expectClose(t.call('relativeError', a, b), oracle.relativeError(a, b), 'relativeError'));
      }
    },
  },
  {
    // 1 whatever the other number: a constant passes it
    name: 'relativeError against 0 is 1',
    property: ['relativeError'],
    run(t) {
      for (const [a, b] of [[0, 5], [-3, 0]]) {
        t.trial(`relativeError(${formatNumber(a)}, ${formatNumber(b)})`, () => t.expectClose(t.call('relativeError', a, b), oracle.relativeError(a, b), 'relativeError'));
      }
    },
  },
  {
    name: 'relativeError does not depend on the order of its arguments',
    run(t) {
      const a = t.rng.uniform(0.5, 2);
      const b = -t.rng.uniform(0.5, 2) * 3;
      const [fa, fb] = [formatNumber(a), formatNumber(b)];
      t.trial(`relativeError(${fa}, ${fb}) and relativeError(${fb}, ${fa})`, () => {
        t.expectClose(t.call('relativeError', a, b), oracle.relativeError(a, b), 'relativeError(a, b)');
        t.expectClose(t.call('relativeError', b, a), oracle.relativeError(b, a), 'relativeError(b, a)');
      });
    },
  },
]);

/** Hidden checks of 04-softmax: random widths (and a single logit), huge and tiny logits, the full Jacobian, no mutation. */
import { FLOAT_TOLERANCE } from '../../exercises/shared/expect-close';
import { EXACT } from '../../exercises/shared/exact';
import { defineHiddenSpec, leavesInputsUnchanged } from '../checks/dsl';
import { FD_TOLERANCE, jacobian } from '../checks/finite-differences';
import { oracle } from '../oracle';

export default defineHiddenSpec('04-softmax', [
  {
    name: 'softmax of the worked example',
    run(t) {
      t.expectClose(t.call('softmax', EXACT.O_in), oracle.softmax(EXACT.O_in), 'softmax(O_in)');
    },
  },
  {
    name: 'softmax of random logits, widths 2 to 8',
    partialCredit: true,
    run(t) {
      for (let n = 2; n <= 8; n++) {
        const z = t.rng.vector(n, -6, 6);
        t.trial(`random logits of width ${n}`, () => t.expectClose(t.call('softmax', z), oracle.softmax(z), 'softmax(z)'));
      }
    },
  },
  {
    name: 'softmax of large logits is finite and exact',
    run(t) {
      for (const z of [[1000, 1001, 1002], [-1000, 0, 1000], [800, 800, 799.5, 801]]) {
        t.trial(`logits ${JSON.stringify(z)}`, () => t.expectClose(t.call('softmax', z), oracle.softmax(z), 'softmax(z)'));
      }
    },
  },
  {
    name: 'softmax of very negative logits',
    run(t) {
      const z = [-1000, -1001, -1002];
      t.expectClose(t.call('softmax', z), oracle.softmax(z), 'softmax(z)');
    },
  },
  leavesInputsUnchanged('softmax leaves its input unchanged', 'softmax', (rng) => ({ z: rng.vector(4, -3, 3) })),
  {
    name: 'softmaxJacobian of random logits, widths 2 to 6',
    partialCredit: true,
    run(t) {
      for (let n = 2; n <= 6; n++) {
        const z = t.rng.vector(n, -4, 4);
        t.trial(`random logits of width ${n}`, () => t.expectClose(t.call('softmaxJacobian', z), oracle.softmaxJacobian(z), 'softmaxJacobian(z)'));
      }
    },
  },
  {
    name: 'softmaxJacobian matches finite differences of softmax',
    run(t) {
      const z = t.rng.vector(4, -2, 2);
      t.expectClose(t.call('softmaxJacobian', z), jacobian(oracle.softmax, z), 'softmaxJacobian(z)', FD_TOLERANCE);
    },
  },
  {
    name: 'softmaxJacobian of large logits is finite',
    run(t) {
      const z = [1000, 1001, 1002];
      t.expectClose(t.call('softmaxJacobian', z), oracle.softmaxJacobian(z), 'softmaxJacobian(z)', FLOAT_TOLERANCE);
    },
  },
  {
    // [1] and [[0]] whatever the logit: constants pass it
    name: 'softmax of a single logit is [1], and its Jacobian [[0]]',
    property: ['softmax', 'softmaxJacobian'],
    run(t) {
      const z = [t.rng.uniform(-6, 6)];
      t.expectClose(t.call('softmax', z), oracle.softmax(z), 'softmax(z)');
      t.expectClose(t.call('softmaxJacobian', z), oracle.softmaxJacobian(z), 'softmaxJacobian(z)');
    },
  },
  leavesInputsUnchanged('softmaxJacobian leaves its input unchanged', 'softmaxJacobian', (rng) => ({ z: rng.vector(3, -3, 3) })),
]);

/** Hidden checks of 07-forward-pass: random networks, ReLU units that are off, each intermediate under its own name, no mutation. */
import type { ForwardTrace, Params, Vector } from '../../exercises/shared/types';
import { WORKED_EXAMPLE } from '../../exercises/shared/worked-example';
import { type CheckApi, defineHiddenSpec, leavesInputsUnchanged } from '../checks/dsl';
import type { Rng } from '../checks/rng';
import { oracle } from '../oracle';

const { x, params } = WORKED_EXAMPLE;
const NAMES = ['h1_in', 'h1_out', 'h2_in', 'h2_out', 'O_in', 'O_out'] as const;

/** A random 3-3-3-3 network: weights and biases in [−1, 1]. */
const randomParams = (rng: Rng): Params => ({
  W_ij: rng.matrix(3, 3),
  b_j: rng.vector(3),
  W_jk: rng.matrix(3, 3),
  b_k: rng.vector(3),
  W_kl: rng.matrix(3, 3),
  b_l: rng.vector(3),
});

/**
 * A random input and network whose layer-1 pre-activations h1_in have the given signs
 * (−1: that ReLU unit is off), at least 0.2 away from 0: b_j is chosen to put them there.
 */
const withSigns = (rng: Rng, signs: number[]): { input: Vector; net: Params } => {
  const input = rng.vector(3);
  const net = randomParams(rng);
  const xW = oracle.linearForward(input, net.W_ij, [0, 0, 0]);
  net.b_j = signs.map((s, c) => s * rng.uniform(0.2, 1.5) - xW[c]);
  return { input, net };
};

/** Calls forwardPass and compares the named intermediates with the oracle's. */
const expectTrace = (t: CheckApi, input: Vector, net: Params, names: readonly (keyof ForwardTrace)[] = NAMES): void => {
  const trace = t.call('forwardPass', input, net) as Record<string, unknown> | undefined;
  const expected = oracle.forwardPass(input, net);
  for (const name of names) t.expectClose(trace?.[name], expected[name], name);
};

const unitsOff = (signs: number[]): string => {
  const off = signs.flatMap((s, i) => (s < 0 ? [i + 1] : []));
  return off.length === 1 ? `unit ${off[0]}` : `units ${off.join(' and ')}`;
};

export default defineHiddenSpec('07-forward-pass', [
  {
    name: 'every intermediate of the worked example',
    weight: 2,
    run(t) {
      expectTrace(t, x, params);
    },
  },
  {
    name: 'every intermediate of random networks',
    weight: 3,
    partialCredit: true,
    run(t) {
      for (let k = 1; k <= 3; k++) {
        const input = t.rng.vector(3);
        const net = randomParams(t.rng);
        t.trial(`random network and input #${k}`, () => expectTrace(t, input, net));
      }
    },
  },
  {
    name: 'h1_in is kept before the ReLU and h1_out after it, with some units off',
    weight: 2,
    partialCredit: true,
    run(t) {
      for (const signs of [t.rng.pick([[-1, 1, 1], [1, -1, 1], [1, 1, -1]]), t.rng.pick([[-1, -1, 1], [-1, 1, -1], [1, -1, -1]])]) {
        const { input, net } = withSigns(t.rng, signs);
        t.trial(`random network with layer-1 ${unitsOff(signs)} off`, () => expectTrace(t, input, net, ['h1_in', 'h1_out']));
      }
    },
  },
  {
    name: 'every intermediate when all layer-1 units are off',
    run(t) {
      const { input, net } = withSigns(t.rng, [-1, -1, -1]);
      expectTrace(t, input, net);
    },
  },
  {
    name: 'h2_in is kept before the sigmoid and h2_out after it',
    run(t) {
      const { input, net } = withSigns(t.rng, [1, -1, 1]);
      expectTrace(t, input, net, ['h2_in', 'h2_out']);
    },
  },
  {
    name: 'O_in holds the logits and O_out the softmax probabilities',
    run(t) {
      const { input, net } = withSigns(t.rng, [1, 1, -1]);
      expectTrace(t, input, net, ['O_in', 'O_out']);
    },
  },
  {
    name: 'the result has the six intermediates, each of length 3',
    property: ['forwardPass'],
    run(t) {
      const trace = t.call('forwardPass', t.rng.vector(3), randomParams(t.rng)) as Record<string, unknown> | undefined;
      t.expect(trace !== null && typeof trace === 'object', 'forwardPass should return an object { h1_in, h1_out, h2_in, h2_out, O_in, O_out }');
      const fields = Object.keys(trace ?? {});
      for (const name of NAMES) {
        const value = trace?.[name];
        t.expect(value !== undefined, `the result has no field ${name} (its fields are: ${fields.join(', ') || 'none'})`);
        t.expect(Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === 'number'), `${name} should be an array of 3 numbers`);
      }
    },
  },
  {
    name: 'a network with very large output logits stays finite',
    run(t) {
      // output weights of a few hundred push O_in far beyond e^709
      const input = t.rng.vector(3);
      const net = randomParams(t.rng);
      net.W_kl = t.rng.matrix(3, 3, -400, 400);
      net.b_l = t.rng.vector(3, 300, 500);
      expectTrace(t, input, net, ['O_in', 'O_out']);
    },
  },
  leavesInputsUnchanged('forwardPass leaves x and params unchanged', 'forwardPass', (rng) => ({ x: rng.vector(3), params: randomParams(rng) })),
]);

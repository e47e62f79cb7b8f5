/**
 * The detector compares quantity by quantity: a catalogue entry is named when it matches
 * on every quantity the student got wrong (and the naming says which), and a wrong value
 * that is another quantity's correct value is named by the generic detector. The calls
 * here are built by hand from the reference solutions, so each expectation is exact.
 */
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../grader/checks/outcome';
import { ANOTHER_QUANTITY } from '../grader/misconceptions/another-quantity';
import { WORKED_EXAMPLE } from '../exercises/shared/worked-example';
import { sigmoid, sigmoidDerivative, sigmoidDerivativeFromOutput } from '../solutions/03-sigmoid/sigmoid';
import { sgdStep } from '../solutions/13-sgd-step/sgd-step';
import { forwardPass } from '../solutions/07-forward-pass/forward-pass';
import { backwardPass } from '../solutions/12-backward-pass/backward-pass';
import { gradingKit } from './helpers/grading';

const detector = () => gradingKit().detector;
const call = (fn: string, args: unknown[], result: unknown): CallRecord => ({ fn, args: structuredClone(args), result, argsAfter: structuredClone(args) });

const { x, y, params, learningRate } = WORKED_EXAMPLE;
const grads = backwardPass(x, y, params, forwardPass(x, params));
// parameters for which b_j and b_k differ (the worked example's are all ones)
const p = { ...params, b_j: [0.3, -0.2, 0.5], b_k: [0.1, 0.4, -0.6] };
const right = sgdStep(p, grads, learningRate);

describe('the generic detector: a wrong value that is another quantity’s correct value', () => {
  it('names a b_k that is the correct b_j', () => {
    const namings = detector().detect('13-sgd-step', [call('sgdStep', [p, grads, learningRate], { ...right, b_k: right.b_j })]);
    expect(namings).toEqual([{ id: ANOTHER_QUANTITY, observed: 'Your b_k is the correct b_j.' }]);
  });

  it('names a value returned as it was passed in, before the update', () => {
    const namings = detector().detect('13-sgd-step', [call('sgdStep', [p, grads, learningRate], { ...right, b_j: p.b_j })]);
    expect(namings.find((n) => n.id === ANOTHER_QUANTITY)?.observed).toBe('Your b_j is the b_j passed in, as it was before the update.');
  });

  it('names a transposed matrix', () => {
    const transposed = right.W_jk[0].map((_, c) => right.W_jk.map((row) => row[c]));
    const namings = detector().detect('13-sgd-step', [call('sgdStep', [p, grads, learningRate], { ...right, W_jk: transposed })]);
    expect(namings.find((n) => n.id === ANOTHER_QUANTITY)?.observed).toBe('Your W_jk is the transpose of the correct W_jk.');
  });

  it('names a vector moved by one index, but not a single wrong entry that happens to equal its neighbour', () => {
    const z = [0.5, 1.5, 2.5, -1];
    const shifted = detector().detect('02-relu', [call('relu', [z], [1.5, 2.5, 0, 0])]);
    expect(shifted.find((n) => n.id === ANOTHER_QUANTITY)?.observed).toBe('Your relu(…) is the correct relu(…) moved by one index (your entry i holds the correct entry i + 1).');
    // reluDerivative([0.5, 0, -1]) is [1, 0, 0]; [1, 1, 0] is ReLU′(0) = 1, not an index off by one
    expect(detector().detect('02-relu', [call('reluDerivative', [[0.5, 0, -1]], [1, 1, 0])]).map((n) => n.id)).not.toContain(ANOTHER_QUANTITY);
  });

  it('says nothing when the wrong value is no other quantity, or is a vector of equal entries', () => {
    expect(detector().detect('13-sgd-step', [call('sgdStep', [p, grads, learningRate], { ...right, b_k: [9, 8, 7] })])).toEqual([]);
    const ones = { ...p, b_j: [1, 1, 1], b_k: [0.1, 0.4, -0.6] };
    expect(detector().detect('13-sgd-step', [call('sgdStep', [ones, grads, learningRate], { ...sgdStep(ones, grads, learningRate), b_k: [1, 1, 1] })])).toEqual([]);
  });
});

describe('per-quantity detection of catalogue entries', () => {
  const z = [0.4, -1.2, 2.5];
  const s = sigmoid(z);
  const squashedAgain = sigmoidDerivativeFromOutput(s).map((_, i) => sigmoid([s[i]])[0] * (1 - sigmoid([s[i]])[0]));

  it('names an entry that matches on the wrong quantities only, and says what else it would change', () => {
    // right sigmoid and sigmoidDerivative, wrong sigmoidDerivativeFromOutput: the catalogued variant also changes sigmoidDerivative
    const calls = [call('sigmoid', [z], s), call('sigmoidDerivative', [z], sigmoidDerivative(z)), call('sigmoidDerivativeFromOutput', [s], squashedAgain)];
    const naming = detector().detect('03-sigmoid', calls).find((n) => n.id === 'sigmoid-derivative-from-output-applies-sigmoid-again');
    expect(naming?.observed).toBe(
      'On sigmoidDerivativeFromOutput(…), your code returns what this mistake gives. The mistake would also change sigmoidDerivative(…), which your code gets right: only that part of it is in your code.',
    );
  });

  it('does not name an entry that differs from the student on a wrong quantity', () => {
    const calls = [call('sigmoidDerivativeFromOutput', [s], squashedAgain.map((v) => v + 0.01))];
    expect(detector().detect('03-sigmoid', calls)).toEqual([]);
  });

  it('replays a default the mistake does not pin down, and says so', () => {
    const f = { __kitFn: '(v) => v[0] ** 3 + 2 * v[1]' };
    const v = [0.7, -0.3];
    const h = 1e-2;
    const forward = [((v[0] + h) ** 3 - v[0] ** 3) / h, 2];
    // a function argument comes back from a call as null, as the sandbox copies data only
    const calls = [{ ...call('numericalGradient', [f, v], forward), argsAfter: [null, v] }];
    const naming = detector().detect('15-gradient-check', calls).find((n) => n.id === 'numerical-gradient-forward-difference');
    expect(naming?.observed).toContain('with h = 0.01 where the check left h to its default');
  });
});

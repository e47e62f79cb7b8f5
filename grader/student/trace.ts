/**
 * The worked example, quantity by quantity, in the article's names, in two views:
 *
 * - isolated: each quantity computed by the one step that produces it, from the exact
 *   values upstream, so a wrong or unfinished step shows in its own rows only;
 * - cascade: the same steps chained, each fed by what the code's earlier steps returned,
 *   as in a real forward and backward pass. Its first wrong row is where the mistake is:
 *   every input of that row was still right.
 *
 * The expected values are the exact ones of the fixture (the 50-digit oracle's).
 */
import { EXACT, LOCAL } from '../../exercises/shared/exact';
import { findMismatch } from '../../exercises/shared/expect-close';
import { WORKED_EXAMPLE } from '../../exercises/shared/worked-example';
import type { InvokeOutcome, Subject } from '../checks/runner';

const { x, y, params, learningRate } = WORKED_EXAMPLE;

/** What the worked example gives: the input, the target, the parameters, the learning rate. */
const GIVEN = { x, y, lr: learningRate, ...params };
type Given = keyof typeof GIVEN;

/** The exact value of every traced quantity: the article's intermediates and the activation derivatives. */
export const EXPECTED = {
  ...EXACT,
  relu_derivative_h1_in: LOCAL.relu_derivative_h1_in,
  sigmoid_derivative_h2_in: LOCAL.sigmoid_derivative_h2_in,
};
type Quantity = keyof typeof EXPECTED;

/** Every quantity, in the order a forward then a backward pass computes it: which exercise's function, from what. */
const STEPS = [
  ['h1_in', '01-linear-forward', 'linearForward', ['x', 'W_ij', 'b_j']],
  ['h1_out', '02-relu', 'relu', ['h1_in']],
  ['h2_in', '01-linear-forward', 'linearForward', ['h1_out', 'W_jk', 'b_k']],
  ['h2_out', '03-sigmoid', 'sigmoid', ['h2_in']],
  ['O_in', '01-linear-forward', 'linearForward', ['h2_out', 'W_kl', 'b_l']],
  ['O_out', '04-softmax', 'softmax', ['O_in']],
  ['loss', '05-cross-entropy', 'crossEntropy', ['O_out', 'y']],
  ['dE_dO_out', '05-cross-entropy', 'crossEntropyGradient', ['O_out', 'y']],
  ['softmax_jacobian', '04-softmax', 'softmaxJacobian', ['O_in']],
  ['delta_O_in', '08-output-delta', 'outputDelta', ['dE_dO_out', 'softmax_jacobian']],
  ['dW_kl', '09-weight-gradient', 'weightGradient', ['h2_out', 'delta_O_in']],
  ['db_l', '11-bias-gradient', 'biasGradient', ['delta_O_in']],
  ['dE_dh2_out', '10-backprop-delta', 'backpropToPreviousLayer', ['delta_O_in', 'W_kl']],
  ['sigmoid_derivative_h2_in', '03-sigmoid', 'sigmoidDerivative', ['h2_in']],
  ['delta_h2_in', '10-backprop-delta', 'deltaThroughActivation', ['dE_dh2_out', 'sigmoid_derivative_h2_in']],
  ['dW_jk', '09-weight-gradient', 'weightGradient', ['h1_out', 'delta_h2_in']],
  ['db_k', '11-bias-gradient', 'biasGradient', ['delta_h2_in']],
  ['dE_dh1_out', '10-backprop-delta', 'backpropToPreviousLayer', ['delta_h2_in', 'W_jk']],
  ['relu_derivative_h1_in', '02-relu', 'reluDerivative', ['h1_in']],
  ['delta_h1_in', '10-backprop-delta', 'deltaThroughActivation', ['dE_dh1_out', 'relu_derivative_h1_in']],
  ['dW_ij', '09-weight-gradient', 'weightGradient', ['x', 'delta_h1_in']],
  ['db_j', '11-bias-gradient', 'biasGradient', ['delta_h1_in']],
  ['W_ij_updated', '13-sgd-step', 'updateMatrix', ['W_ij', 'dW_ij', 'lr']],
  ['W_jk_updated', '13-sgd-step', 'updateMatrix', ['W_jk', 'dW_jk', 'lr']],
  ['W_kl_updated', '13-sgd-step', 'updateMatrix', ['W_kl', 'dW_kl', 'lr']],
  ['b_j_updated', '13-sgd-step', 'updateVector', ['b_j', 'db_j', 'lr']],
  ['b_k_updated', '13-sgd-step', 'updateVector', ['b_k', 'db_k', 'lr']],
  ['b_l_updated', '13-sgd-step', 'updateVector', ['b_l', 'db_l', 'lr']],
] as const satisfies readonly (readonly [Quantity, string, string, readonly (Quantity | Given)[]])[];

type Step = (typeof STEPS)[number];
export type TraceKey = Step[0];
export const TRACE_KEYS: TraceKey[] = STEPS.map(([name]) => name);

export type TraceView = 'isolated' | 'cascade';

export interface TraceEntry {
  name: TraceKey;
  exercise: string;
  fn: string;
  value?: unknown;
  /** why there is no value: not implemented, threw, missing file, … */
  problem?: string;
  notImplemented?: boolean;
  /** cascade only: not run, because an input had no value or the run had stopped */
  notComputed?: boolean;
  /** how the value differs from the exact one, if it does */
  mismatch?: string;
  /** cascade only: the inputs of this step that were already wrong or missing */
  wrongInputs?: TraceKey[];
}

const isQuantity = (input: Quantity | Given): input is TraceKey => input in EXPECTED;

/** The entry of one step from what its call returned. */
function entryOf([name, exercise, fn]: Step, outcome: InvokeOutcome | string, wrongInputs: TraceKey[] = []): TraceEntry {
  const upstream = wrongInputs.length > 0 ? { wrongInputs } : {};
  if (typeof outcome === 'string') return { name, exercise, fn, problem: outcome, ...upstream };
  if (!outcome.ok) {
    const { notImplemented, name: errorName, message } = outcome.error;
    return { name, exercise, fn, problem: notImplemented ? 'not implemented yet' : `${errorName}: ${message}`, notImplemented, ...upstream };
  }
  const mismatch = findMismatch(outcome.result, EXPECTED[name], name);
  return { name, exercise, fn, value: outcome.result, ...(mismatch ? { mismatch: mismatch.message } : {}), ...upstream };
}

/**
 * The isolated view. `withExercise(id, body)` gives `body` a Subject for that exercise, or
 * returns why the exercise cannot run at all (missing file, syntax error, …).
 */
export function computeIsolated(withExercise: (exerciseId: string, body: (subject: Subject) => void) => string | undefined): TraceEntry[] {
  const entries = new Map<TraceKey, TraceEntry>();
  for (const exercise of [...new Set(STEPS.map(([, id]) => id))]) {
    const steps = STEPS.filter(([, id]) => id === exercise);
    const problem = withExercise(exercise, (subject) => {
      for (const step of steps) entries.set(step[0], entryOf(step, subject.invoke(step[2], step[3].map((input) => (isQuantity(input) ? EXPECTED[input] : GIVEN[input])))));
    });
    for (const step of steps) if (!entries.has(step[0])) entries.set(step[0], entryOf(step, problem ?? 'not computed'));
  }
  return TRACE_KEYS.map((name) => entries.get(name)!);
}

/** Calls `fn` of exercise `exerciseId`; a string says why that exercise cannot run. May throw when the run has to stop. */
export type Invoke = (exerciseId: string, fn: string, args: unknown[]) => InvokeOutcome | string;

/**
 * The cascade view: each step fed by the earlier steps' own results. A step whose input
 * has no value is not run. If `invoke` throws (a time or memory limit), the steps after
 * it are reported as not computed, with the reason.
 */
export function computeCascade(invoke: Invoke): TraceEntry[] {
  const computed = new Map<TraceKey, TraceEntry>();
  let stopped: string | undefined;
  for (const step of STEPS) {
    const [name, exercise, fn, inputs] = step;
    const upstream = (inputs as readonly (Quantity | Given)[]).filter(isQuantity).map((input) => computed.get(input)!);
    const wrongInputs = upstream.filter((e) => e.problem !== undefined || e.mismatch !== undefined).map((e) => e.name);
    const missing = upstream.filter((e) => !('value' in e)).map((e) => e.name);
    let outcome: InvokeOutcome | string;
    if (stopped) outcome = stopped;
    else if (missing.length > 0) outcome = `not computed: your code gave no ${missing.join(', ')}`;
    else {
      try {
        outcome = invoke(exercise, fn, inputs.map((input) => (isQuantity(input) ? computed.get(input)!.value : GIVEN[input])));
      } catch (error) {
        stopped = `not computed: the run stopped (${error instanceof Error ? error.message : String(error)})`;
        outcome = stopped;
      }
    }
    const entry = entryOf(step, outcome, wrongInputs);
    computed.set(name, stopped || missing.length > 0 ? { ...entry, notComputed: true } : entry);
  }
  return TRACE_KEYS.map((name) => computed.get(name)!);
}

/** The first quantity that is wrong or missing: in the cascade, where the mistake is (its inputs were right). */
export function firstDivergence(entries: TraceEntry[]): TraceEntry | undefined {
  return entries.find((e) => e.problem !== undefined || e.mismatch !== undefined);
}

/** `{ h1_in: [...], …, b_l_updated: [...] }` with full precision; null where there is no value. */
export function traceJson(entries: TraceEntry[]): Record<TraceKey, unknown> {
  return Object.fromEntries(entries.map((e) => [e.name, e.value ?? null])) as Record<TraceKey, unknown>;
}

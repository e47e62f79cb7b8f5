/**
 * The worked example, quantity by quantity, in the article's names. Each quantity is
 * computed by the one step that produces it, from the exact values upstream, so a wrong
 * or unfinished step shows in its own rows only.
 */
import { EXACT, LOCAL } from '../../exercises/shared/exact';
import { findMismatch } from '../../exercises/shared/expect-close';
import { WORKED_EXAMPLE } from '../../exercises/shared/worked-example';
import type { Subject } from '../checks/runner';
import { formatValue } from '../checks/format';

const { x, y, params: P, learningRate: lr } = WORKED_EXAMPLE;
const E = EXACT;

/** Every quantity: which exercise's function computes it, from which inputs. */
const STEPS = [
  ['h1_in', '01-linear-forward', 'linearForward', () => [x, P.W_ij, P.b_j]],
  ['h1_out', '02-relu', 'relu', () => [E.h1_in]],
  ['h2_in', '01-linear-forward', 'linearForward', () => [E.h1_out, P.W_jk, P.b_k]],
  ['h2_out', '03-sigmoid', 'sigmoid', () => [E.h2_in]],
  ['O_in', '01-linear-forward', 'linearForward', () => [E.h2_out, P.W_kl, P.b_l]],
  ['O_out', '04-softmax', 'softmax', () => [E.O_in]],
  ['loss', '05-cross-entropy', 'crossEntropy', () => [E.O_out, y]],
  ['dE_dO_out', '05-cross-entropy', 'crossEntropyGradient', () => [E.O_out, y]],
  ['softmax_jacobian', '04-softmax', 'softmaxJacobian', () => [E.O_in]],
  ['delta_O_in', '08-output-delta', 'outputDelta', () => [E.dE_dO_out, E.softmax_jacobian]],
  ['dW_kl', '09-weight-gradient', 'weightGradient', () => [E.h2_out, E.delta_O_in]],
  ['db_l', '11-bias-gradient', 'biasGradient', () => [E.delta_O_in]],
  ['dE_dh2_out', '10-backprop-delta', 'backpropToPreviousLayer', () => [E.delta_O_in, P.W_kl]],
  ['delta_h2_in', '10-backprop-delta', 'deltaThroughActivation', () => [E.dE_dh2_out, LOCAL.sigmoid_derivative_h2_in]],
  ['dW_jk', '09-weight-gradient', 'weightGradient', () => [E.h1_out, E.delta_h2_in]],
  ['db_k', '11-bias-gradient', 'biasGradient', () => [E.delta_h2_in]],
  ['dE_dh1_out', '10-backprop-delta', 'backpropToPreviousLayer', () => [E.delta_h2_in, P.W_jk]],
  ['delta_h1_in', '10-backprop-delta', 'deltaThroughActivation', () => [E.dE_dh1_out, LOCAL.relu_derivative_h1_in]],
  ['dW_ij', '09-weight-gradient', 'weightGradient', () => [x, E.delta_h1_in]],
  ['db_j', '11-bias-gradient', 'biasGradient', () => [E.delta_h1_in]],
  ['W_ij_updated', '13-sgd-step', 'updateMatrix', () => [P.W_ij, E.dW_ij, lr]],
  ['W_jk_updated', '13-sgd-step', 'updateMatrix', () => [P.W_jk, E.dW_jk, lr]],
  ['W_kl_updated', '13-sgd-step', 'updateMatrix', () => [P.W_kl, E.dW_kl, lr]],
  ['b_j_updated', '13-sgd-step', 'updateVector', () => [P.b_j, E.db_j, lr]],
  ['b_k_updated', '13-sgd-step', 'updateVector', () => [P.b_k, E.db_k, lr]],
  ['b_l_updated', '13-sgd-step', 'updateVector', () => [P.b_l, E.db_l, lr]],
] as const satisfies readonly (readonly [keyof typeof EXACT, string, string, () => unknown[]])[];

export type TraceKey = (typeof STEPS)[number][0];
export const TRACE_KEYS: TraceKey[] = STEPS.map(([name]) => name);

export interface TraceEntry {
  name: TraceKey;
  exercise: string;
  fn: string;
  value?: unknown;
  /** why there is no value: not implemented, threw, missing file, … */
  problem?: string;
  notImplemented?: boolean;
  /** how the value differs from the exact one, if it does */
  mismatch?: string;
}

/**
 * Runs every step. `withExercise(id, body)` gives `body` a Subject for that exercise, or
 * returns why the exercise cannot run at all (missing file, syntax error, …).
 */
export function computeTrace(withExercise: (exerciseId: string, body: (subject: Subject) => void) => string | undefined): TraceEntry[] {
  const entries = new Map<TraceKey, TraceEntry>();
  for (const exercise of [...new Set(STEPS.map(([, id]) => id))]) {
    const steps = STEPS.filter(([, id]) => id === exercise);
    const problem = withExercise(exercise, (subject) => {
      for (const [name, , fn, args] of steps) {
        const outcome = subject.invoke(fn, args());
        if (outcome.ok) {
          const mismatch = findMismatch(outcome.result, EXACT[name], name);
          entries.set(name, { name, exercise, fn, value: outcome.result, ...(mismatch ? { mismatch: mismatch.message } : {}) });
        } else {
          const { notImplemented, name: errorName, message } = outcome.error;
          entries.set(name, { name, exercise, fn, problem: notImplemented ? 'not implemented yet' : `${errorName}: ${message}`, notImplemented });
        }
      }
    });
    for (const [name, , fn] of steps) if (!entries.has(name)) entries.set(name, { name, exercise, fn, problem: problem ?? 'not computed' });
  }
  return TRACE_KEYS.map((name) => entries.get(name)!);
}

/** `{ h1_in: [...], …, b_l_updated: [...] }` with full precision; null where there is no value. */
export function traceJson(entries: TraceEntry[]): Record<TraceKey, unknown> {
  return Object.fromEntries(entries.map((e) => [e.name, e.value ?? null])) as Record<TraceKey, unknown>;
}

export function formatTrace(entries: TraceEntry[], source: string): string {
  const nameWidth = Math.max(...entries.map((e) => e.name.length));
  const stepWidth = Math.max(...entries.map((e) => `${e.exercise.slice(0, 2)} ${e.fn}`.length));
  const rows = entries.flatMap((e) => {
    const step = `${e.exercise.slice(0, 2)} ${e.fn}`.padEnd(stepWidth);
    const mark = e.problem ? (e.notImplemented ? 'TODO' : 'ERROR') : e.mismatch ? '✗' : '✓';
    const lines = e.problem ? [e.problem] : valueLines(e.value);
    const first = `${e.name.padEnd(nameWidth)}  ${step}  ${mark.padEnd(5)} ${lines[0]}`;
    const rest = lines.slice(1).map((l) => `${' '.repeat(nameWidth + stepWidth + 10)}${l}`);
    const why = e.mismatch ? [`${' '.repeat(nameWidth + stepWidth + 10)}↳ ${e.mismatch}`] : [];
    return [first, ...rest, ...why];
  });
  const right = entries.filter((e) => !e.problem && !e.mismatch).length;
  const header = `${'quantity'.padEnd(nameWidth)}  ${'step'.padEnd(stepWidth)}  ${'check'.padEnd(5)} value`;
  return [`The article's worked example, computed with ${source}.`, `Each row: the step that computes it, from exact inputs; ✓ = exact (float64), ✗ = differs.`, '', header, ...rows, '', `${right}/${entries.length} quantities exact.`].join('\n');
}

function valueLines(value: unknown): string[] {
  if (Array.isArray(value) && value.length > 0 && Array.isArray(value[0])) return value.map((row) => formatValue(row));
  return [formatValue(value)];
}

/**
 * The integration run: the worked example through the student's own modules wired
 * together (forward pass → loss → backward pass → SGD step), compared quantity by
 * quantity with the exact values. It shows whether the pieces fit; by default it
 * carries no points. Then the trace's cascade in the same context: the student's step
 * functions fed by their own earlier results, which names the first step that goes
 * wrong (feedback.html draws it).
 */
import { findMismatch } from '../../exercises/shared/expect-close';
import { EXACT } from '../../exercises/shared/exact';
import { WORKED_EXAMPLE } from '../../exercises/shared/worked-example';
import type { InvokeOutcome, SandboxAbort } from '../checks/runner';
import type { CompiledFile } from '../compile/compiler';
import type { ModuleCode, StudentSandbox } from '../sandbox/sandbox';
import { computeCascade, EXPECTED, type Invoke, type TraceEntry } from '../student/trace';
import type { GradingKit } from './grade-student';
import type { IntegrationQuantity, IntegrationRun } from './types';

const FORWARD = ['h1_in', 'h1_out', 'h2_in', 'h2_out', 'O_in', 'O_out'] as const;
const BACKWARD = ['dE_dO_out', 'softmax_jacobian', 'delta_O_in', 'dW_kl', 'db_l', 'dE_dh2_out', 'delta_h2_in', 'dW_jk', 'db_k', 'dE_dh1_out', 'delta_h1_in', 'dW_ij', 'db_j'] as const;
const UPDATED = [['W_ij', 'W_ij_updated'], ['W_jk', 'W_jk_updated'], ['W_kl', 'W_kl_updated'], ['b_j', 'b_j_updated'], ['b_k', 'b_k_updated'], ['b_l', 'b_l_updated']] as const;

type Exact = typeof EXACT;

/** How many quantities of the worked example the integration run compares. */
export const INTEGRATION_QUANTITY_COUNT = FORWARD.length + 1 + BACKWARD.length + UPDATED.length;

export function runIntegration(kit: GradingKit, sandbox: StudentSandbox, compiled: Map<string, CompiledFile>): IntegrationRun {
  const quantities: IntegrationQuantity[] = [];
  let cascade: TraceEntry[] | undefined;
  const { x, y, params, learningRate } = WORKED_EXAMPLE;

  const abort = withOwnModules(kit, sandbox, compiled, (call) => {
    quantities.length = 0; // a run may be repeated (the sandbox's wall-clock slack)
    const record = (names: readonly (keyof Exact)[], outcome: InvokeOutcome | string, pick: (result: Record<string, unknown>, name: keyof Exact) => unknown) => {
      for (const name of names) {
        if (typeof outcome === 'string') quantities.push({ name, status: 'unavailable', message: outcome });
        else if (!outcome.ok) quantities.push({ name, status: 'unavailable', message: `${outcome.error.name}: ${outcome.error.message}` });
        else quantities.push(compare(name, pick((outcome.result ?? {}) as Record<string, unknown>, name)));
      }
    };

    const forward = call('07-forward-pass', 'forwardPass', [x, params]);
    record(FORWARD, forward, (r, name) => r[name]);
    const O_out = typeof forward !== 'string' && forward.ok ? (forward.result as { O_out?: unknown })?.O_out : undefined;
    record(['loss'], O_out === undefined ? 'your forward pass gave no O_out' : call('05-cross-entropy', 'crossEntropy', [O_out, y]), (r) => r);
    const trace = typeof forward !== 'string' && forward.ok ? forward.result : undefined;
    record(BACKWARD, trace === undefined ? 'your forward pass gave no trace' : call('12-backward-pass', 'backwardPass', [x, y, params, trace]), (r, name) => r[name]);
    const next = call('16-training-loop', 'trainStep', [x, y, params, learningRate]);
    record(UPDATED.map(([, name]) => name), next, (r, name) => r[UPDATED.find(([, n]) => n === name)![0]]);

    // the same example, step by step: the student's functions fed by their own earlier results
    let stop: unknown;
    cascade = computeCascade((id, fn, args) => {
      try {
        return call(id, fn, args);
      } catch (error) {
        stop = error;
        throw error;
      }
    }).map(keptEntry);
    if (stop) throw stop;
  });
  return { quantities, ...(cascade ? { cascade } : {}), ...(abort ? { message: `the integration run stopped: ${abort.message}` } : {}) };
}

/**
 * Runs `body` in one sandbox context holding the student's own modules, wired together,
 * and the kit's shared files; `call` says so when a module could not be loaded. Returns
 * the abort if the sandbox had to stop.
 */
export function withOwnModules(kit: Pick<GradingKit, 'kitModules'>, sandbox: StudentSandbox, compiled: Map<string, CompiledFile>, body: (call: Invoke) => void): SandboxAbort | undefined {
  const shared = [...kit.kitModules.values()].filter((m) => m.id.startsWith('shared/'));
  const student: ModuleCode[] = [...compiled.entries()].filter(([, file]) => file.js !== undefined).map(([id, file]) => ({ id, js: file.js! }));
  const { abort } = sandbox.withExercise('07-forward-pass', [...shared, ...student], (session) => {
    const has = (id: string) => student.some((m) => m.id === id);
    body((id, fn, args) => (has(id) ? session.invoke(id, fn, args) : `your ${id} could not be loaded`));
  });
  return abort;
}

/** A cascade entry as the record keeps it: a value only if it has the expected shape, so a runaway result cannot bloat the record. */
function keptEntry(entry: TraceEntry): TraceEntry {
  if (!('value' in entry) || sameShape(entry.value, EXPECTED[entry.name])) return entry;
  const { value: _dropped, ...rest } = entry;
  return rest;
}

function sameShape(value: unknown, expected: unknown): boolean {
  if (typeof expected === 'number') return typeof value === 'number';
  return Array.isArray(value) && Array.isArray(expected) && value.length === expected.length && value.every((v, i) => sameShape(v, expected[i]));
}

function compare(name: keyof Exact, actual: unknown): IntegrationQuantity {
  const mismatch = findMismatch(actual, EXACT[name], name);
  return mismatch ? { name, status: 'wrong', message: mismatch.message } : { name, status: 'right' };
}

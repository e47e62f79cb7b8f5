/**
 * Runs hidden checks against a Subject — the graded exercise, in the sandbox at grading
 * time or imported directly in the kit's own tests — and turns what happens into a
 * CheckOutcome. Timeouts and memory exhaustion are not a check's business: they abort
 * the whole exercise (SandboxAbort).
 */
import { findMismatch, type Expected, type Tolerance } from '../../exercises/shared/expect-close';
import { clip, summarize } from './bounded';
import type { CheckApi, FunctionArg, HiddenCheck } from './dsl';
import { formatCall } from './format';
import type { CallRecord, CheckOutcome, Failure, StudentErrorInfo } from './outcome';
import type { Rng } from './rng';

/** `returnedArgument`: the result was that argument itself (the same object), not a new value. */
export type InvokeOutcome = { ok: true; result: unknown; argsAfter: unknown[]; returnedArgument?: number } | { ok: false; error: StudentErrorInfo };

export interface Subject {
  /** Calls exported function `fn` of the graded module. Throws SandboxAbort if the sandbox had to stop. */
  invoke(fn: string, args: unknown[]): InvokeOutcome;
}

export type AbortKind = 'timeout' | 'memory' | 'crash';

export class SandboxAbort extends Error {
  override readonly name = 'SandboxAbort';
  constructor(readonly kind: AbortKind, message: string) {
    super(message);
  }
}

/** A trial failed: the graded code returned a wrong value. */
class TrialFailure extends Error {
  constructor(readonly detail: Omit<Failure, 'calls' | 'trial' | 'input'>) {
    super(detail.message);
  }
}

/** The graded code threw. */
class StudentThrew extends Error {
  constructor(readonly info: StudentErrorInfo) {
    super(info.message);
  }
}

/** Ends a check without partial credit at its first failing trial. */
class StopCheck extends Error {}

export function runCheck(check: HiddenCheck, subject: Subject, rng: Rng): CheckOutcome {
  let calls: CallRecord[] = [];
  let passed = 0;
  let total = 0;
  let firstFailure: Failure | undefined;
  const called = new Set<string>();
  const wrong = new Set<string>();
  /** set when the first failure was the graded code throwing (rather than a wrong value) */
  let firstError: StudentErrorInfo | undefined;

  const recordFailure = (error: unknown, label: string | undefined): void => {
    const last = calls.at(-1);
    if (last) wrong.add(last.fn);
    if (firstFailure) return;
    firstFailure = describeFailure(error, calls, label);
    if (error instanceof StudentThrew) firstError = error.info;
  };

  const api: CheckApi = {
    rng,
    call: (fn, ...args) => api.callKeepingArgs(fn, ...args).result,
    callKeepingArgs(fn, ...args) {
      const record: CallRecord = { fn, args: structuredClone(args) };
      calls.push(record);
      called.add(fn);
      const outcome = subject.invoke(fn, args);
      if (!outcome.ok) {
        record.error = outcome.error;
        throw new StudentThrew(outcome.error);
      }
      record.result = outcome.result;
      record.argsAfter = outcome.argsAfter;
      if (outcome.returnedArgument !== undefined) {
        // handing an input back is not computing a result (every graded function returns a new value)
        throw new TrialFailure({ message: `${fn} returned its argument ${outcome.returnedArgument + 1} itself; it should return a new value and leave its inputs as they were` });
      }
      return { result: outcome.result, argsAfter: outcome.argsAfter };
    },
    expectClose(actual: unknown, expected: Expected, name: string, tol?: Tolerance) {
      const mismatch = findMismatch(actual, expected, name, tol);
      if (mismatch) throw new TrialFailure(mismatch);
    },
    expectUnchanged(after, before, name) {
      if (!sameData(after, before)) {
        throw new TrialFailure({ message: `${name} was changed by the call; inputs must be left as they were`, path: name, expected: before, actual: after });
      }
    },
    expect(condition, message) {
      if (!condition) throw new TrialFailure({ message });
    },
    fn: (source): FunctionArg => ({ __kitFn: source }),
    trial(label, body) {
      calls = [];
      total++;
      try {
        body();
        passed++;
      } catch (error) {
        if (error instanceof SandboxAbort) throw error;
        recordFailure(error, label);
        if (!check.partialCredit) throw new StopCheck();
      }
    },
  };

  try {
    check.run(api);
    if (total === 0) total = passed = 1; // a check without trials is one trial
  } catch (error) {
    if (error instanceof SandboxAbort) throw error;
    if (!(error instanceof StopCheck)) {
      // failed outside any trial: that counts as one more failing trial
      recordFailure(error, undefined);
      total++;
    }
  }

  const status = firstFailure === undefined ? 'passed' : firstError?.notImplemented ? 'not-implemented' : firstError ? 'error' : 'failed';
  const fraction = status === 'passed' ? 1 : check.partialCredit && status !== 'not-implemented' ? passed / total : 0;
  const functions = { called: [...called], wrong: [...wrong] };
  return { name: check.name, status, fraction, trials: { passed, total }, ...(firstFailure ? { failure: firstFailure } : {}), functions };
}

/**
 * The failure as the reports show it, bounded (./bounded.ts): a message of at most a few
 * hundred characters and a summary of the values, whatever the graded code returned or threw.
 */
function describeFailure(error: unknown, calls: CallRecord[], trial: string | undefined): Failure {
  const last = calls.at(-1);
  const where = { ...(trial ? { trial } : {}), ...(last ? { input: clip(formatCall(last.fn, last.args)) } : {}), calls };
  if (error instanceof TrialFailure) {
    const { message, expected, actual, ...rest } = error.detail;
    return {
      ...rest,
      message: clip(message),
      ...('expected' in error.detail ? { expected: summarize(expected) } : {}),
      ...('actual' in error.detail ? { actual: summarize(actual) } : {}),
      ...where,
    };
  }
  if (error instanceof StudentThrew) {
    const { name, message, notImplemented } = error.info;
    // a stub throws whatever the input: its failure names no input (so it is the same for every student)
    if (notImplemented) return { message: clip(`not implemented yet (${message})`), ...(trial ? { trial } : {}), calls };
    return { message: clip(`your code threw ${name}: ${message}`), ...where };
  }
  // The check itself could not read what the graded code returned (e.g. undefined.h1_in).
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { message: clip(`the result could not be checked (${reason}); is it the right shape?`), ...where };
}

/** Deep equality of plain data; numbers compare with Object.is, so NaN equals NaN and 0 differs from −0. */
export function sameData(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) || a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameData(v, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return Object.is(a, b);
}

/**
 * The language hidden specs are written in. A check calls the graded exercise through
 * `t.call` (its arguments are copied in, its result copied out of the sandbox) and
 * compares with the oracle through `t.expectClose`; the comparison runs outside the
 * sandbox, where student code cannot reach it.
 */
import type { Expected, Tolerance } from '../../exercises/shared/expect-close';
import type { Rng } from './rng';

/** A function argument, written as JavaScript source and built inside the sandbox. */
export interface FunctionArg {
  readonly __kitFn: string;
}

export interface CheckApi {
  /** Seeded from the course secret, the student, the exercise and the check. */
  readonly rng: Rng;
  /** Calls the graded function `fn` of this exercise and returns its result. */
  call(fn: string, ...args: unknown[]): unknown;
  /** Like `call`, and also returns the arguments as the function left them (to catch mutation). */
  callKeepingArgs(fn: string, ...args: unknown[]): { result: unknown; argsAfter: unknown[] };
  /** Fails the check unless `actual` matches `expected` within the tolerance; `name` names the quantity. */
  expectClose(actual: unknown, expected: Expected, name: string, tol?: Tolerance): void;
  /** Fails the check unless the argument was left exactly as it was. */
  expectUnchanged(after: unknown, before: unknown, name: string): void;
  /** Fails the check with `message` unless `condition` holds. */
  expect(condition: boolean, message: string): void;
  /** A function argument for the graded code, from JavaScript source such as `(v) => v[0] * v[1]`. */
  fn(source: string): FunctionArg;
  /**
   * Runs one trial of the check. With `partialCredit`, the check scores the fraction of
   * trials that pass; otherwise the first failing trial fails the check.
   */
  trial(label: string, body: () => void): void;
}

export interface HiddenCheck {
  /** Shown to the student: says what is checked, never how. */
  name: string;
  /** Relative weight within the exercise (default 1); the config can override it. */
  weight?: number;
  /** Score the fraction of passing trials instead of all-or-nothing. */
  partialCredit?: boolean;
  /**
   * A property check of these functions (inputs left unchanged, a shape, a special input such
   * as zeros): code that computes nothing can pass it, so it runs, and earns its weight, only
   * once every value check of these functions has passed (grader/checks/gate.ts).
   */
  property?: string[];
  run(t: CheckApi): void;
}

export interface HiddenSpec {
  exercise: string;
  checks: HiddenCheck[];
}

export function defineHiddenSpec(exercise: string, checks: HiddenCheck[]): HiddenSpec {
  const names = new Set<string>();
  for (const check of checks) {
    if (names.has(check.name)) throw new Error(`hidden spec ${exercise}: two checks are named "${check.name}"`);
    names.add(check.name);
  }
  return { exercise, checks };
}

/**
 * A check that `fn` leaves every argument exactly as it got it: one call with the named
 * arguments `makeArgs` draws (in call order), then each object argument compared with
 * what was passed. Numbers cannot change, and function arguments are not data: both are
 * skipped.
 */
export function leavesInputsUnchanged(name: string, fn: string, makeArgs: (rng: Rng, t: CheckApi) => Record<string, unknown>): HiddenCheck {
  return {
    name,
    property: [fn],
    run(t) {
      const named = Object.entries(makeArgs(t.rng, t));
      const { argsAfter } = t.callKeepingArgs(fn, ...named.map(([, value]) => value));
      named.forEach(([argName, value], i) => {
        if (typeof value === 'object' && value !== null && !('__kitFn' in value)) t.expectUnchanged(argsAfter[i], value, argName);
      });
    },
  };
}

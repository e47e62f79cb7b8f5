/**
 * Number comparison with messages that name the quantity, e.g.
 * `h2_out[1] is 0.93 but should be 0.9404756340234985 (off by 1.05e-2; tolerance 1e-9 relative)`.
 */
import { describeKnownMistakes, matchKnownMistakes } from './known-mistakes';
import type { Matrix, Vector } from './types';

/**
 * Two float64 computations of the same formula, done in a different order, agree to a
 * few units in the last place (~1e-16 relative); after the whole network, to ~1e-14.
 * 1e-9 leaves a wide margin for that and is still far below any real mistake.
 */
export const FLOAT_TOLERANCE = { relative: 1e-9, absolute: 1e-12 } as const;

export type Tolerance = { relative: number; absolute: number };
export type Expected = number | Vector | Matrix;

/** The first place where `actual` differs from `expected`, or undefined if they agree. */
export interface Mismatch {
  /** e.g. `h2_out[1]` or `dW_kl[2][0]` */
  path: string;
  expected: unknown;
  actual: unknown;
  /** one sentence naming the problem */
  message: string;
}

export function findMismatch(actual: unknown, expected: Expected, name: string, tol: Tolerance = FLOAT_TOLERANCE): Mismatch | undefined {
  if (typeof expected === 'number') return compareNumber(actual, expected, name, tol);
  if (!Array.isArray(actual)) {
    return { path: name, expected: shapeOf(expected), actual: describe(actual), message: `${name} should be ${shapeOf(expected)}, but it is ${describe(actual)}` };
  }
  if (actual.length !== expected.length) {
    return { path: name, expected: shapeOf(expected), actual: shapeOf(actual), message: `${name} should be ${shapeOf(expected)}, but it is ${shapeOf(actual)}` };
  }
  for (let i = 0; i < expected.length; i++) {
    const mismatch = findMismatch(actual[i], expected[i] as Expected, `${name}[${i}]`, tol);
    if (mismatch) return mismatch;
  }
  return undefined;
}

/** The error of a failed expectClose: it keeps the whole value, so the kit can fingerprint known mistakes. */
export class CloseMismatchError extends Error {
  constructor(
    message: string,
    readonly quantity: string,
    readonly value: unknown,
    readonly expectedValue: Expected,
  ) {
    super(message);
  }
}

/**
 * Throws an Error whose message names the first differing entry and, when the values
 * are what a known wrong implementation gives (known-mistakes.json), that mistake.
 */
export function expectClose(actual: unknown, expected: Expected, name: string, tol: Tolerance = FLOAT_TOLERANCE): void {
  const mismatch = findMismatch(actual, expected, name, tol);
  if (!mismatch) return;
  const same = (a: unknown, b: unknown): boolean => findMismatch(a, b as Expected, name) === undefined;
  throw new CloseMismatchError(mismatch.message + describeKnownMistakes(matchKnownMistakes(name, actual, expected, same)), name, actual, expected);
}

function compareNumber(actual: unknown, expected: number, path: string, tol: Tolerance): Mismatch | undefined {
  if (typeof actual !== 'number') {
    return { path, expected, actual: describe(actual), message: `${path} should be the number ${expected}, but it is ${describe(actual)}` };
  }
  if (Number.isNaN(actual) && !Number.isNaN(expected)) {
    return { path, expected, actual, message: `${path} is NaN but should be ${expected}` };
  }
  if (Object.is(actual, expected) || withinTolerance(actual, expected, tol)) return undefined;
  const off = Math.abs(actual - expected);
  return {
    path,
    expected,
    actual,
    message: `${path} is ${actual} but should be ${expected} (off by ${off.toExponential(2)}; tolerance ${tol.relative} relative, ${tol.absolute} absolute)`,
  };
}

export function withinTolerance(actual: number, expected: number, tol: Tolerance = FLOAT_TOLERANCE): boolean {
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return Object.is(actual, expected);
  return Math.abs(actual - expected) <= tol.absolute + tol.relative * Math.abs(expected);
}

function shapeOf(value: unknown): string {
  if (!Array.isArray(value)) return typeof value === 'number' ? 'a number' : describe(value);
  if (value.length > 0 && Array.isArray(value[0])) return `a ${value.length}×${(value[0] as unknown[]).length} matrix`;
  return `an array of ${value.length} numbers`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return shapeOf(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  // the grading sandbox hands over a value it cannot copy (a function, a typed array) as its type's name
  const uncopied = (value as { __kitUnsupported?: unknown }).__kitUnsupported;
  const type = typeof uncopied === 'string' ? uncopied : typeof value === 'object' ? Object.prototype.toString.call(value).slice(8, -1) : typeof value;
  const name = type === 'Object' ? 'object' : type;
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
}

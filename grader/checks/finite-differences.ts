/**
 * Central finite differences, the suite's check on every gradient the kit computes.
 *
 * With step h the error of (f(v+h) − f(v−h))/2h is about h²·|f‴|/6 (truncation) plus
 * ε·|f|/h (rounding, ε ≈ 2.2e-16). For the kit's functions (|f|, |f‴| of order 1–10)
 * and h = 1e-5 that is below ~1e-9, so a relative tolerance of 1e-6 (with an absolute
 * floor of 1e-8 for entries near 0) has a wide margin, while a real mistake — a sign,
 * a missing term, a transposition, a factor — is off by far more.
 */
import type { Matrix, Vector } from '../../exercises/shared/types';

export const FD_STEP = 1e-5;
export const FD_TOLERANCE = { relative: 1e-6, absolute: 1e-8 } as const;

/** ∂f/∂v[i] for every i. */
export function centralDifference(f: (v: Vector) => number, v: Vector, h = FD_STEP): Vector {
  return v.map((_, i) => {
    const shifted = (delta: number): Vector => v.map((w, j) => (j === i ? w + delta : w));
    return (f(shifted(h)) - f(shifted(-h))) / (2 * h);
  });
}

/** ∂f/∂M[r][c] for every entry. */
export function centralDifferenceMatrix(f: (M: Matrix) => number, M: Matrix, h = FD_STEP): Matrix {
  return M.map((row, r) => centralDifference((newRow) => f(M.map((old, i) => (i === r ? newRow : old))), row, h));
}

/** J[a][b] = ∂f(v)[a]/∂v[b]. */
export function jacobian(f: (v: Vector) => Vector, v: Vector, h = FD_STEP): Matrix {
  const n = f(v).length;
  return Array.from({ length: n }, (_, a) => centralDifference((w) => f(w)[a], v, h));
}

export const dot = (a: Vector, b: Vector): number => a.reduce((s, ai, i) => s + ai * b[i], 0);

/**
 * How closely two correct central-difference implementations agree with each other:
 * only to the rounding noise of the difference itself, about ε·|f|/h (2e-11 for |f| ≈ 1
 * and h = 1e-5; written differently, e.g. f(p)/2h − f(m)/2h, a few times that). 1e-9
 * covers it with a wide margin and stays far below the error of a one-sided difference
 * (about h·|f″|/2, at least 1e-6 for the checks' functions and steps).
 */
export const FD_AGREEMENT_TOLERANCE = { relative: 1e-9, absolute: 1e-9 } as const;

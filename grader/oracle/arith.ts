/**
 * The arithmetic the oracle runs on: float64 for grading, 50-digit decimals for the
 * exact fixtures. The oracle's code is the same for both.
 */
import Decimal from 'decimal.js';

export interface Arith<T> {
  of(n: number): T;
  add(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  exp(a: T): T;
  log(a: T): T;
  isPositive(a: T): boolean;
  toNumber(a: T): number;
}

export const floatArith: Arith<number> = {
  of: (n) => n,
  add: (a, b) => a + b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  neg: (a) => -a,
  exp: Math.exp,
  log: Math.log,
  isPositive: (a) => a > 0,
  toNumber: (a) => a,
};

const D50 = Decimal.clone({ precision: 50 });
type Dec = InstanceType<typeof D50>;

export const decimalArith: Arith<Dec> = {
  of: (n) => new D50(n),
  add: (a, b) => a.plus(b),
  mul: (a, b) => a.times(b),
  div: (a, b) => a.div(b),
  neg: (a) => a.neg(),
  exp: (a) => a.exp(),
  log: (a) => a.ln(),
  isPositive: (a) => a.gt(0),
  toNumber: (a) => a.toNumber(),
};

/**
 * A micrograd-style scalar autodiff. It is the kit's independent oracle: it shares no
 * code and no algorithm with the matrix formulas of solutions/ (it differentiates a
 * graph of scalars built from + × ÷ exp log and ReLU by the chain rule).
 */
import type { Arith } from './arith';

export class Value<T> {
  constructor(
    readonly A: Arith<T>,
    readonly data: T,
    /** each parent with ∂(this)/∂(parent) */
    readonly parents: ReadonlyArray<readonly [Value<T>, T]> = [],
  ) {}

  add(o: Value<T>): Value<T> {
    const { A } = this;
    return new Value(A, A.add(this.data, o.data), [[this, A.of(1)], [o, A.of(1)]]); // d(a+b) = da + db
  }

  mul(o: Value<T>): Value<T> {
    return new Value(this.A, this.A.mul(this.data, o.data), [[this, o.data], [o, this.data]]); // d(ab) = b da + a db
  }

  div(o: Value<T>): Value<T> {
    const { A } = this;
    const q = A.div(this.data, o.data);
    return new Value(A, q, [[this, A.div(A.of(1), o.data)], [o, A.div(A.neg(q), o.data)]]); // d(a/b) = da/b − (a/b²) db
  }

  neg(): Value<T> {
    return new Value(this.A, this.A.neg(this.data), [[this, this.A.of(-1)]]);
  }

  sub(o: Value<T>): Value<T> {
    return this.add(o.neg());
  }

  exp(): Value<T> {
    const e = this.A.exp(this.data);
    return new Value(this.A, e, [[this, e]]); // d e^a = e^a da
  }

  log(): Value<T> {
    return new Value(this.A, this.A.log(this.data), [[this, this.A.div(this.A.of(1), this.data)]]); // d ln a = da / a
  }

  /** max(0, a); its derivative at exactly 0 is taken as 0 (the kit's convention). */
  relu(): Value<T> {
    const positive = this.A.isPositive(this.data);
    return new Value(this.A, positive ? this.data : this.A.of(0), [[this, this.A.of(positive ? 1 : 0)]]);
  }

  /**
   * σ(a), built from primitives so its derivative comes from the chain rule: 1 / (1 + e^(−a))
   * for a ≥ 0, and e^a / (1 + e^a) below 0, so no exponent overflows (e^800 would make the
   * chain rule multiply 0 by ∞).
   */
  sigmoid(): Value<T> {
    const one = constant(this.A, 1);
    if (!this.A.isPositive(this.A.neg(this.data))) return one.div(one.add(this.neg().exp()));
    const e = this.exp();
    return e.div(one.add(e));
  }

  /** ∂(this)/∂(node) for every node; nodes this one does not depend on get 0. */
  backward(): (node: Value<T>) => T {
    const { A } = this;
    const order: Value<T>[] = [];
    const seen = new Set<Value<T>>();
    const visit = (v: Value<T>): void => {
      if (seen.has(v)) return;
      seen.add(v);
      for (const [p] of v.parents) visit(p);
      order.push(v);
    };
    visit(this);
    const grads = new Map<Value<T>, T>([[this, A.of(1)]]);
    const gradOf = (node: Value<T>): T => grads.get(node) ?? A.of(0);
    for (const v of order.reverse()) {
      for (const [p, local] of v.parents) grads.set(p, A.add(gradOf(p), A.mul(gradOf(v), local)));
    }
    return gradOf;
  }
}

export function constant<T>(A: Arith<T>, n: number): Value<T> {
  return new Value(A, A.of(n));
}

export function sum<T>(values: Value<T>[]): Value<T> {
  return values.reduce((acc, v) => acc.add(v));
}

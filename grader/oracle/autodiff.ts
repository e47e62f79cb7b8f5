/**
 * A micrograd-style scalar autodiff. It is the kit's independent oracle: it shares no
 * code and no algorithm with the matrix formulas of solutions/ (it differentiates a
 * graph of scalars built from + × ÷ exp log and ReLU by the chain rule).
 */
import type { Arith } from './arith';

export class Value<T> {
  /** work space of the backward sweep under way (see `sweep`) */
  grad!: T;
  sweep = 0;

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

  /**
   * ∂(this)/∂(node) for every node; nodes this one does not depend on get 0. The reader
   * is valid until the next backward sweep (it reads the gradients kept on the nodes).
   */
  backward(): (node: Value<T>) => T {
    const { A } = this;
    const sweep = ++sweeps;
    const order: Value<T>[] = [];
    // iterative depth-first order (graphs of big batches are deep), children before parents
    const stack: [Value<T>, number][] = [[this, 0]];
    this.sweep = sweep;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [node, next] = top;
      if (next < node.parents.length) {
        top[1]++;
        const parent = node.parents[next][0];
        if (parent.sweep !== sweep) {
          parent.sweep = sweep;
          stack.push([parent, 0]);
        }
      } else {
        stack.pop();
        node.grad = A.of(0);
        order.push(node);
      }
    }
    this.grad = A.of(1);
    for (let i = order.length - 1; i >= 0; i--) {
      const v = order[i];
      for (const [p, local] of v.parents) p.grad = A.add(p.grad, A.mul(v.grad, local));
    }
    return (node) => {
      if (sweeps !== sweep) throw new Error('a gradient was read after a later backward sweep');
      return node.sweep === sweep ? node.grad : A.of(0);
    };
  }
}

/** Each backward sweep marks the nodes it has reached. */
let sweeps = 0;

export function constant<T>(A: Arith<T>, n: number): Value<T> {
  return new Value(A, A.of(n));
}

export function sum<T>(values: Value<T>[]): Value<T> {
  return values.reduce((acc, v) => acc.add(v));
}

/**
 * A micrograd-style scalar autodiff over 50-significant-digit decimals.
 *
 * It is the kit's independent oracle: it shares no code and no algorithm with the
 * matrix formulas in solutions/ (it differentiates a graph of scalars, and it
 * computes softmax without the max shift), and it rounds to float64 only at the end.
 */
import Decimal from 'decimal.js';

export const D = Decimal.clone({ precision: 50 });
export type Dec = InstanceType<typeof D>;

export class Value {
  constructor(
    readonly data: Dec,
    /** each parent with ∂(this)/∂(parent) */
    readonly parents: ReadonlyArray<readonly [Value, Dec]> = [],
  ) {}

  static of(x: number | Dec): Value {
    return new Value(new D(x));
  }

  add(o: Value): Value {
    return new Value(this.data.plus(o.data), [[this, new D(1)], [o, new D(1)]]); // d(a+b) = da + db
  }

  mul(o: Value): Value {
    return new Value(this.data.times(o.data), [[this, o.data], [o, this.data]]); // d(ab) = b·da + a·db
  }

  div(o: Value): Value {
    const q = this.data.div(o.data);
    return new Value(q, [[this, new D(1).div(o.data)], [o, q.neg().div(o.data)]]); // d(a/b) = da/b − a/b² db
  }

  neg(): Value {
    return new Value(this.data.neg(), [[this, new D(-1)]]);
  }

  exp(): Value {
    const e = this.data.exp();
    return new Value(e, [[this, e]]); // d e^a = e^a da
  }

  log(): Value {
    return new Value(this.data.ln(), [[this, new D(1).div(this.data)]]); // d ln a = da / a
  }

  relu(): Value {
    const positive = this.data.gt(0);
    return new Value(positive ? this.data : new D(0), [[this, new D(positive ? 1 : 0)]]);
  }

  sigmoid(): Value {
    const s = new D(1).div(new D(1).plus(this.data.neg().exp()));
    return new Value(s, [[this, s.times(new D(1).minus(s))]]); // dσ = σ(1−σ) da
  }

  /** ∂(this)/∂(node) for every node; nodes this one does not depend on get 0. */
  backward(): (node: Value) => Dec {
    const order: Value[] = [];
    const seen = new Set<Value>();
    const visit = (v: Value): void => {
      if (seen.has(v)) return;
      seen.add(v);
      for (const [p] of v.parents) visit(p);
      order.push(v);
    };
    visit(this);
    const grads = new Map<Value, Dec>([[this, new D(1)]]);
    const gradOf = (node: Value): Dec => grads.get(node) ?? new D(0);
    for (const v of order.reverse()) {
      for (const [p, local] of v.parents) grads.set(p, gradOf(p).plus(gradOf(v).times(local)));
    }
    return gradOf;
  }
}

export function sum(values: Value[]): Value {
  return values.reduce((acc, v) => acc.add(v));
}

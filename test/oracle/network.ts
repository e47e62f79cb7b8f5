/**
 * The article's network built from oracle scalars. Returns every intermediate of
 * the worked example, exact to 50 digits, rounded to float64 at the end.
 */
import type { Matrix, Params, Vector } from '../../exercises/shared/types';
import { D, type Dec, sum, Value } from './autodiff';

type Layer = Value[];
type Grid = Value[][];

const leafVector = (v: Vector): Layer => v.map((x) => Value.of(x));
const leafMatrix = (m: Matrix): Grid => m.map((row) => leafVector(row));

/** z[c] = Σ_r x[r]·W[r][c] + b[c] */
function linear(x: Layer, W: Grid, b: Layer): Layer {
  return b.map((bc, c) => sum([...x.map((xr, r) => xr.mul(W[r][c])), bc]));
}

function softmax(z: Layer): Layer {
  const exps = z.map((v) => v.exp());
  const total = sum(exps);
  return exps.map((e) => e.div(total));
}

function crossEntropy(O: Layer, y: Vector): Value {
  return sum(O.flatMap((Oa, a) => (y[a] === 0 ? [] : [Value.of(y[a]).mul(Oa.log())]))).neg();
}

const num = (d: Dec): number => d.toNumber();
const values = (layer: Layer): Vector => layer.map((v) => num(v.data));

/** The exact trace of one example: forward, backward, and one SGD step. Keys as in `backprop-kit trace --json`. */
export function exactTrace(x: Vector, y: Vector, params: Params, learningRate: number) {
  const input = leafVector(x);
  const P = {
    W_ij: leafMatrix(params.W_ij),
    b_j: leafVector(params.b_j),
    W_jk: leafMatrix(params.W_jk),
    b_k: leafVector(params.b_k),
    W_kl: leafMatrix(params.W_kl),
    b_l: leafVector(params.b_l),
  };
  const h1_in = linear(input, P.W_ij, P.b_j);
  const h1_out = h1_in.map((v) => v.relu());
  const h2_in = linear(h1_out, P.W_jk, P.b_k);
  const h2_out = h2_in.map((v) => v.sigmoid());
  const O_in = linear(h2_out, P.W_kl, P.b_l);
  const O_out = softmax(O_in);
  const loss = crossEntropy(O_out, y);

  // ∂O_out[a]/∂O_in[b], one backward sweep per output.
  const softmax_jacobian = O_out.map((Oa) => {
    const dOa = Oa.backward();
    return O_in.map((v) => num(dOa(v)));
  });

  const dE = loss.backward();
  const grads = (layer: Layer): Vector => layer.map((v) => num(dE(v)));
  const gradMatrix = (W: Grid): Matrix => W.map((row) => grads(row));
  const lr = new D(learningRate);
  const updatedMatrix = (W: Grid): Matrix => W.map((row) => row.map((w) => num(w.data.minus(lr.times(dE(w))))));
  const updatedVector = (b: Layer): Vector => b.map((v) => num(v.data.minus(lr.times(dE(v)))));

  return {
    h1_in: values(h1_in),
    h1_out: values(h1_out),
    h2_in: values(h2_in),
    h2_out: values(h2_out),
    O_in: values(O_in),
    O_out: values(O_out),
    loss: num(loss.data),
    dE_dO_out: grads(O_out),
    softmax_jacobian,
    delta_O_in: grads(O_in),
    dW_kl: gradMatrix(P.W_kl),
    db_l: grads(P.b_l),
    dE_dh2_out: grads(h2_out),
    delta_h2_in: grads(h2_in),
    dW_jk: gradMatrix(P.W_jk),
    db_k: grads(P.b_k),
    dE_dh1_out: grads(h1_out),
    delta_h1_in: grads(h1_in),
    dW_ij: gradMatrix(P.W_ij),
    db_j: grads(P.b_j),
    W_ij_updated: updatedMatrix(P.W_ij),
    W_jk_updated: updatedMatrix(P.W_jk),
    W_kl_updated: updatedMatrix(P.W_kl),
    b_j_updated: updatedVector(P.b_j),
    b_k_updated: updatedVector(P.b_k),
    b_l_updated: updatedVector(P.b_l),
  };
}

export type ExactTrace = ReturnType<typeof exactTrace>;

/** ∂(ReLU)/∂z and ∂σ/∂z at each z, each taken from a one-node graph. */
export function exactActivationDerivatives(z: Vector): { relu: Vector; sigmoid: Vector } {
  const local = (f: (v: Value) => Value) => (zi: number) => {
    const leaf = Value.of(zi);
    return num(f(leaf).backward()(leaf));
  };
  return { relu: z.map(local((v) => v.relu())), sigmoid: z.map(local((v) => v.sigmoid())) };
}

/** The article's loss −(1/n) Σ [y log O + (1−y) log(1−O)] and its gradient, with O as leaves. */
export function exactArticleLoss(O: Vector, y: Vector): { loss: number; gradient: Vector } {
  const leaves = O.map((o) => Value.of(o));
  const one = Value.of(1);
  const terms = leaves.flatMap((Oa, a) => [
    ...(y[a] === 0 ? [] : [Value.of(y[a]).mul(Oa.log())]),
    ...(y[a] === 1 ? [] : [Value.of(1 - y[a]).mul(one.add(Oa.neg()).log())]),
  ]);
  const loss = sum(terms).neg().div(Value.of(O.length));
  const dE = loss.backward();
  return { loss: num(loss.data), gradient: leaves.map((v) => num(dE(v))) };
}

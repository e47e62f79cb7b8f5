/**
 * The article's network and every exercise's quantity, computed by the scalar autodiff
 * in autodiff.ts. `makeOracle(floatArith)` is what the hidden specs compare students
 * with; `makeOracle(decimalArith)` produces the exact fixtures.
 */
import type { BackwardTrace, ForwardTrace, Gradients, Matrix, Params, Vector } from '../../exercises/shared/types';
import type { Arith } from './arith';
import { constant, sum, Value } from './autodiff';

export function makeOracle<T>(A: Arith<T>) {
  type V = Value<T>;
  const leaf = (n: number): V => constant(A, n);
  const leaves = (v: Vector): V[] => v.map(leaf);
  const grid = (m: Matrix): V[][] => m.map(leaves);
  const num = (t: T): number => A.toNumber(t);
  const values = (layer: V[]): Vector => layer.map((v) => num(v.data));
  const gradsOf = (d: (v: V) => T, layer: V[]): Vector => layer.map((v) => num(d(v)));
  const gridGradsOf = (d: (v: V) => T, g: V[][]): Matrix => g.map((row) => gradsOf(d, row));

  /** z[c] = Σ_r x[r]·W[r][c] + b[c] */
  const linear = (x: V[], W: V[][], b: V[]): V[] => b.map((bc, c) => sum([...x.map((xr, r) => xr.mul(W[r][c])), bc]));

  /** e^(z − m) / Σ e^(z − m) with the constant m = max z, so float64 does not overflow. */
  const softmaxOf = (z: V[]): V[] => {
    const shift = leaf(Math.max(...values(z))).neg();
    const exps = z.map((v) => v.add(shift).exp());
    const total = sum(exps);
    return exps.map((e) => e.div(total));
  };

  /** −Σ y log O, skipping y = 0 terms */
  const crossEntropyOf = (O: V[], y: Vector): V => {
    const terms = O.flatMap((Oa, a) => (y[a] === 0 ? [] : [leaf(y[a]).mul(Oa.log())]));
    return terms.length === 0 ? leaf(0) : sum(terms).neg();
  };

  /** −(1/n) Σ [y log O + (1 − y) log(1 − O)], skipping terms whose weight is 0 */
  const articleLossOf = (O: V[], y: Vector): V => {
    const one = leaf(1);
    const terms = O.flatMap((Oa, a) => [
      ...(y[a] === 0 ? [] : [leaf(y[a]).mul(Oa.log())]),
      ...(y[a] === 1 ? [] : [leaf(1 - y[a]).mul(one.sub(Oa).log())]),
    ]);
    return sum(terms).neg().div(leaf(O.length));
  };

  const paramLeaves = (params: Params) => ({
    W_ij: grid(params.W_ij),
    b_j: leaves(params.b_j),
    W_jk: grid(params.W_jk),
    b_k: leaves(params.b_k),
    W_kl: grid(params.W_kl),
    b_l: leaves(params.b_l),
  });
  type P = ReturnType<typeof paramLeaves>;

  const forwardOf = (x: V[], P: P) => {
    const h1_in = linear(x, P.W_ij, P.b_j);
    const h1_out = h1_in.map((v) => v.relu());
    const h2_in = linear(h1_out, P.W_jk, P.b_k);
    const h2_out = h2_in.map((v) => v.sigmoid());
    const O_in = linear(h2_out, P.W_kl, P.b_l);
    const O_out = softmaxOf(O_in);
    return { h1_in, h1_out, h2_in, h2_out, O_in, O_out };
  };

  const forwardValues = (f: ReturnType<typeof forwardOf>): ForwardTrace => ({
    h1_in: values(f.h1_in),
    h1_out: values(f.h1_out),
    h2_in: values(f.h2_in),
    h2_out: values(f.h2_out),
    O_in: values(f.O_in),
    O_out: values(f.O_out),
  });

  const gradientsOf = (d: (v: V) => T, P: P): Gradients => ({
    dW_ij: gridGradsOf(d, P.W_ij),
    db_j: gradsOf(d, P.b_j),
    dW_jk: gridGradsOf(d, P.W_jk),
    db_k: gradsOf(d, P.b_k),
    dW_kl: gridGradsOf(d, P.W_kl),
    db_l: gradsOf(d, P.b_l),
  });

  /** ∂(Σ_c g[c]·out[c])/∂(in) for out = f(in): the gradient a layer sends back. */
  const pullBack = (inputs: V[], outputs: V[], g: Vector): Vector =>
    gradsOf(sum(outputs.map((o, c) => o.mul(leaf(g[c])))).backward(), inputs);

  const updateMatrix = (W: Matrix, dW: Matrix, lr: number): Matrix => W.map((row, r) => row.map((w, c) => w - lr * dW[r][c]));
  const updateVector = (b: Vector, db: Vector, lr: number): Vector => b.map((v, c) => v - lr * db[c]);
  const sgdStep = (params: Params, g: Gradients, lr: number): Params => ({
    W_ij: updateMatrix(params.W_ij, g.dW_ij, lr),
    b_j: updateVector(params.b_j, g.db_j, lr),
    W_jk: updateMatrix(params.W_jk, g.dW_jk, lr),
    b_k: updateVector(params.b_k, g.db_k, lr),
    W_kl: updateMatrix(params.W_kl, g.dW_kl, lr),
    b_l: updateVector(params.b_l, g.db_l, lr),
  });

  /** Mean loss of a batch and its gradient, differentiated as one graph over shared parameters. */
  const batchGradients = (xs: Matrix, ys: Matrix, params: Params): { loss: number; grads: Gradients } => {
    const P = paramLeaves(params);
    const losses = xs.map((x, e) => crossEntropyOf(forwardOf(leaves(x), P).O_out, ys[e]));
    const loss = sum(losses).div(leaf(xs.length));
    return { loss: num(loss.data), grads: gradientsOf(loss.backward(), P) };
  };

  const backwardPass = (x: Vector, y: Vector, params: Params): BackwardTrace => {
    const P = paramLeaves(params);
    const f = forwardOf(leaves(x), P);
    // every gradient of the loss is read before the Jacobian's sweeps start
    const d = crossEntropyOf(f.O_out, y).backward();
    const ofLoss = {
      dE_dO_out: gradsOf(d, f.O_out),
      delta_O_in: gradsOf(d, f.O_in),
      dE_dh2_out: gradsOf(d, f.h2_out),
      delta_h2_in: gradsOf(d, f.h2_in),
      dE_dh1_out: gradsOf(d, f.h1_out),
      delta_h1_in: gradsOf(d, f.h1_in),
      ...gradientsOf(d, P),
    };
    return { ...ofLoss, softmax_jacobian: f.O_out.map((Oa) => gradsOf(Oa.backward(), f.O_in)) };
  };

  return {
    linearForward: (x: Vector, W: Matrix, b: Vector): Vector => values(linear(leaves(x), grid(W), leaves(b))),

    relu: (z: Vector): Vector => z.map((zi) => num(leaf(zi).relu().data)),
    reluDerivative: (z: Vector): Vector => z.map((zi) => {
      const v = leaf(zi);
      return num(v.relu().backward()(v));
    }),

    sigmoid: (z: Vector): Vector => z.map((zi) => num(leaf(zi).sigmoid().data)),
    sigmoidDerivative: (z: Vector): Vector => z.map((zi) => {
      const v = leaf(zi);
      return num(v.sigmoid().backward()(v));
    }),

    softmax: (z: Vector): Vector => values(softmaxOf(leaves(z))),
    /** J[a][b] = ∂O[a]/∂z[b], one backward sweep per output */
    softmaxJacobian: (z: Vector): Matrix => {
      const zs = leaves(z);
      return softmaxOf(zs).map((Oa) => gradsOf(Oa.backward(), zs));
    },

    crossEntropy: (O: Vector, y: Vector): number => num(crossEntropyOf(leaves(O), y).data),
    crossEntropyGradient: (O: Vector, y: Vector): Vector => {
      const Os = leaves(O);
      return gradsOf(crossEntropyOf(Os, y).backward(), Os);
    },
    /** ∂E/∂z of cross-entropy after softmax, at logits z */
    softmaxCrossEntropyGradientAtLogits: (z: Vector, y: Vector): Vector => {
      const zs = leaves(z);
      return gradsOf(crossEntropyOf(softmaxOf(zs), y).backward(), zs);
    },

    articleLoss: (O: Vector, y: Vector): number => num(articleLossOf(leaves(O), y).data),
    articleLossGradient: (O: Vector, y: Vector): Vector => {
      const Os = leaves(O);
      return gradsOf(articleLossOf(Os, y).backward(), Os);
    },

    forwardPass: (x: Vector, params: Params): ForwardTrace => forwardValues(forwardOf(leaves(x), paramLeaves(params))),

    /** δ[b] = ∂(Σ_a g[a]·(J z)[a])/∂z[b] */
    outputDelta: (g: Vector, J: Matrix): Vector => {
      const z = leaves(J[0].map(() => 0));
      const Jz = J.map((row) => sum(row.map((Jab, b) => leaf(Jab).mul(z[b]))));
      return pullBack(z, Jz, g);
    },
    /** ∂(Σ_c δ[c]·z[c])/∂W for z = x·W + 0 */
    weightGradient: (x: Vector, delta: Vector): Matrix => {
      const W = grid(x.map(() => delta.map(() => 0)));
      const z = linear(leaves(x), W, leaves(delta.map(() => 0)));
      return gridGradsOf(sum(z.map((zc, c) => zc.mul(leaf(delta[c])))).backward(), W);
    },
    /** ∂(Σ_c δ[c]·z[c])/∂x for z = x·W + 0 */
    backpropToPreviousLayer: (delta: Vector, W: Matrix): Vector => {
      const x = leaves(W.map(() => 0));
      return pullBack(x, linear(x, grid(W), leaves(delta.map(() => 0))), delta);
    },
    /** ∂(Σ_a g[a]·out[a])/∂in where out[a] changes at rate f′[a] with in[a] */
    deltaThroughActivation: (g: Vector, activationDerivative: Vector): Vector => {
      const input = leaves(g.map(() => 0));
      return pullBack(input, input.map((v, a) => v.mul(leaf(activationDerivative[a]))), g);
    },
    /** ∂(Σ_c δ[c]·z[c])/∂b for z = 0 + b */
    biasGradient: (delta: Vector): Vector => {
      const b = leaves(delta.map(() => 0));
      return pullBack(b, b.map((bc) => bc.add(leaf(0))), delta);
    },
    /** ∂/∂b of (1/m) Σ_e Σ_c deltas[e][c]·z_e[c], with z_e = 0 + b shared by the batch */
    batchBiasGradient: (deltas: Matrix): Vector => {
      const b = leaves(deltas[0].map(() => 0));
      const total = sum(deltas.map((row) => sum(row.map((dc, c) => b[c].mul(leaf(dc)))))).div(leaf(deltas.length));
      return gradsOf(total.backward(), b);
    },

    backwardPass,
    updateMatrix,
    updateVector,
    sgdStep,
    averageGradients: (perExample: Gradients[]): Gradients => {
      const m = perExample.length;
      const meanOf = (pick: (g: Gradients) => Matrix): Matrix =>
        pick(perExample[0]).map((row, r) => row.map((_, c) => perExample.reduce((s, g) => s + pick(g)[r][c], 0) / m));
      const meanVec = (pick: (g: Gradients) => Vector): Vector => meanOf((g) => [pick(g)])[0];
      return {
        dW_ij: meanOf((g) => g.dW_ij),
        db_j: meanVec((g) => g.db_j),
        dW_jk: meanOf((g) => g.dW_jk),
        db_k: meanVec((g) => g.db_k),
        dW_kl: meanOf((g) => g.dW_kl),
        db_l: meanVec((g) => g.db_l),
      };
    },
    batchGradients,
    /** (f(v + h eᵢ) − f(v − h eᵢ)) / 2h */
    numericalGradient: (f: (v: Vector) => number, v: Vector, h = 1e-5): Vector =>
      v.map((_, i) => (f(v.map((w, j) => (j === i ? w + h : w))) - f(v.map((w, j) => (j === i ? w - h : w)))) / (2 * h)),
    relativeError: (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b))),
    trainStep: (x: Vector, y: Vector, params: Params, lr: number): Params => sgdStep(params, batchGradients([x], [y], params).grads, lr),
    train: (params: Params, xs: Matrix, ys: Matrix, options: { learningRate: number; epochs: number }) => {
      const losses: number[] = [];
      let current = params;
      for (let e = 0; e < options.epochs; e++) {
        const { loss, grads } = batchGradients(xs, ys, current);
        losses.push(loss);
        current = sgdStep(current, grads, options.learningRate);
      }
      return { params: current, losses };
    },

    /** Every quantity of one example, keyed as in `backprop-kit trace --json`. */
    trace: (x: Vector, y: Vector, params: Params, lr: number) => {
      const f = forwardOf(leaves(x), paramLeaves(params));
      const forward = forwardValues(f);
      const loss = crossEntropyOf(f.O_out, y);
      const back = backwardPass(x, y, params);
      const next = exactUpdate(params, back, lr);
      return {
        ...forward,
        loss: num(loss.data),
        dE_dO_out: back.dE_dO_out,
        softmax_jacobian: back.softmax_jacobian,
        delta_O_in: back.delta_O_in,
        dW_kl: back.dW_kl,
        db_l: back.db_l,
        dE_dh2_out: back.dE_dh2_out,
        delta_h2_in: back.delta_h2_in,
        dW_jk: back.dW_jk,
        db_k: back.db_k,
        dE_dh1_out: back.dE_dh1_out,
        delta_h1_in: back.delta_h1_in,
        dW_ij: back.dW_ij,
        db_j: back.db_j,
        W_ij_updated: next.W_ij,
        W_jk_updated: next.W_jk,
        W_kl_updated: next.W_kl,
        b_j_updated: next.b_j,
        b_k_updated: next.b_k,
        b_l_updated: next.b_l,
      };
    },
  };

  /** W − lr·dW in the oracle's own arithmetic (exact in decimal mode). */
  function exactUpdate(params: Params, g: Gradients, lr: number): Params {
    const step = (w: number, dw: number): number => num(A.add(A.of(w), A.neg(A.mul(A.of(lr), A.of(dw)))));
    const m = (W: Matrix, dW: Matrix): Matrix => W.map((row, r) => row.map((w, c) => step(w, dW[r][c])));
    const v = (b: Vector, db: Vector): Vector => b.map((w, c) => step(w, db[c]));
    return { W_ij: m(params.W_ij, g.dW_ij), b_j: v(params.b_j, g.db_j), W_jk: m(params.W_jk, g.dW_jk), b_k: v(params.b_k, g.db_k), W_kl: m(params.W_kl, g.dW_kl), b_l: v(params.b_l, g.db_l) };
  }
}

export type Oracle = ReturnType<typeof makeOracle<number>>;

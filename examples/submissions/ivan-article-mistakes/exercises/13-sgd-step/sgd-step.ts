import type { Gradients, Matrix, Params, Vector } from '../shared/types';

/** `W′ = W − lr · dW`, as a new matrix (W is left unchanged). */
export function updateMatrix(W: Matrix, dW: Matrix, learningRate: number): Matrix {
  return W.map((row, r) => updateVector(row, dW[r], learningRate));
}

/** `b′ = b − lr · db`, as a new vector (b is left unchanged). */
export function updateVector(b: Vector, db: Vector, learningRate: number): Vector {
  return b.map((v, c) => v - learningRate * db[c]);
}

/** One step of gradient descent on every parameter; returns new parameters. */
export function sgdStep(params: Params, grads: Gradients, learningRate: number): Params {
  return {
    W_ij: updateMatrix(params.W_ij, grads.dW_ij, learningRate),
    b_j: updateVector(params.b_j, grads.db_j, learningRate),
    W_jk: updateMatrix(params.W_jk, grads.dW_jk, learningRate),
    b_k: updateVector(params.b_k, grads.db_k, learningRate),
    W_kl: updateMatrix(params.W_kl, grads.dW_kl, learningRate),
    b_l: updateVector(params.b_l, grads.db_l, learningRate),
  };
}

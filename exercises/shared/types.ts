/**
 * Shapes shared by every exercise.
 *
 * Matrices use the article's layout: `W[r][c]` is the weight from neuron r of the
 * source layer to neuron c of the destination layer, so a layer computes `x · W + b`
 * with `x` a row vector.
 */
export type Vector = number[];
export type Matrix = number[][];

/** The network's parameters, named as in the article (i → j → k → l). */
export interface Params {
  /** input → hidden layer 1 */
  W_ij: Matrix;
  b_j: Vector;
  /** hidden layer 1 → hidden layer 2 */
  W_jk: Matrix;
  b_k: Vector;
  /** hidden layer 2 → output */
  W_kl: Matrix;
  b_l: Vector;
}

/** ∂E/∂(each parameter), same shapes as {@link Params}. */
export interface Gradients {
  dW_ij: Matrix;
  db_j: Vector;
  dW_jk: Matrix;
  db_k: Vector;
  dW_kl: Matrix;
  db_l: Vector;
}

/** Every intermediate of the forward pass, in the article's names. */
export interface ForwardTrace {
  h1_in: Vector;
  h1_out: Vector;
  h2_in: Vector;
  h2_out: Vector;
  O_in: Vector;
  O_out: Vector;
}

/** Every intermediate of the backward pass, and the gradients. */
export interface BackwardTrace extends Gradients {
  /** ∂E/∂O_out */
  dE_dO_out: Vector;
  /** J[a][b] = ∂O_out[a]/∂O_in[b] */
  softmax_jacobian: Matrix;
  /** ∂E/∂O_in */
  delta_O_in: Vector;
  /** ∂E/∂h2_out */
  dE_dh2_out: Vector;
  /** ∂E/∂h2_in */
  delta_h2_in: Vector;
  /** ∂E/∂h1_out */
  dE_dh1_out: Vector;
  /** ∂E/∂h1_in */
  delta_h1_in: Vector;
}

// Exercise 13-sgd-step: Weight update (SGD step).
// Replace each TODO with your code. Check it with: npx vitest exercises/13-sgd-step
// Generated from the reference solution by `backprop-kit stubs`: keep the signatures.
import type { Gradients, Matrix, Params, Vector } from '../shared/types';
import { NotImplementedError } from '../shared/not-implemented';

/** `W′ = W − lr · dW`, as a new matrix (W is left unchanged). */
export function updateMatrix(W: Matrix, dW: Matrix, learningRate: number): Matrix {
  // TODO: implement updateMatrix (see the comment above and README.md).
  throw new NotImplementedError('13-sgd-step', 'updateMatrix');
}

/** `b′ = b − lr · db`, as a new vector (b is left unchanged). */
export function updateVector(b: Vector, db: Vector, learningRate: number): Vector {
  // TODO: implement updateVector (see the comment above and README.md).
  throw new NotImplementedError('13-sgd-step', 'updateVector');
}

/** One step of gradient descent on every parameter; returns new parameters. */
export function sgdStep(params: Params, grads: Gradients, learningRate: number): Params {
  // TODO: implement sgdStep (see the comment above and README.md).
  throw new NotImplementedError('13-sgd-step', 'sgdStep');
}

import { crossEntropy } from '../05-cross-entropy/cross-entropy';
import { forwardPass } from '../07-forward-pass/forward-pass';
import { backwardPass } from '../12-backward-pass/backward-pass';
import type { Gradients, Matrix, Params } from '../shared/types';

/** The element-wise mean of the examples' gradients (the batch loss is their mean loss). */
export function averageGradients(perExample: Gradients[]): Gradients {
  const m = perExample.length;
  const meanMatrix = (pick: (g: Gradients) => Matrix): Matrix =>
    pick(perExample[0]).map((row, r) =>
      row.map((_, c) => perExample.reduce((sum, g) => sum + pick(g)[r][c], 0) / m),
    );
  const meanVector = (pick: (g: Gradients) => number[]): number[] =>
    pick(perExample[0]).map((_, c) => perExample.reduce((sum, g) => sum + pick(g)[c], 0) / m);
  return {
    dW_ij: meanMatrix((g) => g.dW_ij),
    db_j: meanVector((g) => g.db_j),
    dW_jk: meanMatrix((g) => g.dW_jk),
    db_k: meanVector((g) => g.db_k),
    dW_kl: meanMatrix((g) => g.dW_kl),
    db_l: meanVector((g) => g.db_l),
  };
}

/**
 * Mean cross-entropy over a batch (`xs[e]` with target `ys[e]`) and its gradient:
 * `E = (1/m) Σ_e E_e`, so `∂E/∂θ = (1/m) Σ_e ∂E_e/∂θ`.
 */
export function batchGradients(xs: Matrix, ys: Matrix, params: Params): { loss: number; grads: Gradients } {
  const perExample = xs.map((x, e) => {
    const forward = forwardPass(x, params);
    return { loss: crossEntropy(forward.O_out, ys[e]), grads: backwardPass(x, ys[e], params, forward) };
  });
  const loss = perExample.reduce((sum, p) => sum + p.loss, 0) / xs.length;
  return { loss, grads: averageGradients(perExample.map((p) => p.grads)) };
}

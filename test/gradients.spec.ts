/**
 * Every gradient the kit computes — in solutions/ and in the oracle — checked against
 * central finite differences of the function it differentiates, on the worked example
 * and on seeded random inputs of several widths.
 */
import { describe, it } from 'vitest';
import { expectClose } from '../exercises/shared/expect-close';
import type { Params, Vector } from '../exercises/shared/types';
import { WORKED_EXAMPLE } from '../exercises/shared/worked-example';
import { Rng } from '../grader/checks/rng';
import { oracle } from '../grader/oracle';
import { linearForward } from '../solutions/01-linear-forward/linear-forward';
import { relu, reluDerivative } from '../solutions/02-relu/relu';
import { sigmoid, sigmoidDerivative, sigmoidDerivativeFromOutput } from '../solutions/03-sigmoid/sigmoid';
import { softmax, softmaxJacobian } from '../solutions/04-softmax/softmax';
import { crossEntropy, crossEntropyGradient, softmaxCrossEntropyGradient } from '../solutions/05-cross-entropy/cross-entropy';
import { articleLoss, articleLossGradient } from '../solutions/06-article-loss/article-loss';
import { forwardPass } from '../solutions/07-forward-pass/forward-pass';
import { outputDelta } from '../solutions/08-output-delta/output-delta';
import { weightGradient } from '../solutions/09-weight-gradient/weight-gradient';
import { backpropToPreviousLayer, deltaThroughActivation } from '../solutions/10-backprop-delta/backprop-delta';
import { batchBiasGradient, biasGradient } from '../solutions/11-bias-gradient/bias-gradient';
import { backwardPass } from '../solutions/12-backward-pass/backward-pass';
import { sgdStep } from '../solutions/13-sgd-step/sgd-step';
import { batchGradients } from '../solutions/14-batch-gradients/batch-gradients';
import { trainStep } from '../solutions/16-training-loop/training-loop';
import { centralDifference, centralDifferenceMatrix, dot, FD_TOLERANCE, jacobian } from '../grader/checks/finite-differences';

const rng = Rng.fromSeed('test/gradients.spec.ts');
const WIDTHS = [1, 2, 3, 5];
const { x, y, params } = WORKED_EXAMPLE;

/** Random parameters of the 3-3-3-3 network, scaled so every ReLU stays clear of its kink. */
function randomParams(): Params {
  return {
    W_ij: rng.matrix(3, 3, 0.1, 1),
    b_j: rng.vector(3, 0.5, 1),
    W_jk: rng.matrix(3, 3, -1, 1),
    b_k: rng.vector(3, -1, 1),
    W_kl: rng.matrix(3, 3, -2, 2),
    b_l: rng.vector(3, -1, 1),
  };
}
const examples = [
  { name: 'worked example', x, y, params },
  ...Array.from({ length: 3 }, (_, i) => ({ name: `random example ${i + 1}`, x: rng.vector(3, 0, 1), y: rng.oneHot(3), params: randomParams() })),
];

const loss = (p: Params, input: Vector, target: Vector): number => crossEntropy(forwardPass(input, p).O_out, target);
const lossOracle = (p: Params, input: Vector, target: Vector): number => oracle.crossEntropy(oracle.forwardPass(input, p).O_out, target);
const withParam = (p: Params, key: keyof Params, value: Params[keyof Params]): Params => ({ ...p, [key]: value });

describe('element-wise derivatives match finite differences', () => {
  const implementations = {
    solutions: { relu, reluDerivative, sigmoid, sigmoidDerivative },
    oracle: oracle,
  };
  for (const [impl, f] of Object.entries(implementations)) {
    it(`${impl}: ReLU′ and σ′ at random points (ReLU away from its kink)`, () => {
      for (const n of WIDTHS) {
        const z = rng.vector(n, -4, 4).map((v) => (Math.abs(v) < 0.01 ? 0.5 : v));
        expectClose(f.reluDerivative(z), z.map((_, i) => centralDifference((w) => f.relu(w)[i], z)[i]), "relu'", FD_TOLERANCE);
        expectClose(f.sigmoidDerivative(z), z.map((_, i) => centralDifference((w) => f.sigmoid(w)[i], z)[i]), "sigma'", FD_TOLERANCE);
      }
    });
  }

  it('solutions: σ′ from the output equals σ′ from the input', () => {
    const z = rng.vector(4, -4, 4);
    expectClose(sigmoidDerivativeFromOutput(sigmoid(z)), z.map((_, i) => centralDifference((w) => sigmoid(w)[i], z)[i]), "sigma'", FD_TOLERANCE);
  });
});

describe('softmax Jacobian matches finite differences', () => {
  for (const [impl, f] of Object.entries({ solutions: { softmax, softmaxJacobian }, oracle })) {
    it(`${impl}: full Jacobian at O_in and at random logits`, () => {
      const EXACT_O_in = forwardPass(x, params).O_in;
      for (const z of [EXACT_O_in, ...WIDTHS.map((n) => rng.vector(n, -3, 3))]) {
        expectClose(f.softmaxJacobian(z), jacobian(f.softmax, z), 'softmax_jacobian', FD_TOLERANCE);
      }
    });
  }
});

describe('loss gradients match finite differences', () => {
  it('solutions and oracle: cross-entropy and the article loss w.r.t. O', () => {
    for (const n of [2, 3, 5]) {
      const O = rng.probabilities(n, 0.05);
      const target = rng.oneHot(n);
      for (const f of [{ crossEntropy, crossEntropyGradient, articleLoss, articleLossGradient }, oracle]) {
        expectClose(f.crossEntropyGradient(O, target), centralDifference((w) => f.crossEntropy(w, target), O), 'dE_dO_out', FD_TOLERANCE);
        expectClose(f.articleLossGradient(O, target), centralDifference((w) => f.articleLoss(w, target), O), 'article dE_dO_out', FD_TOLERANCE);
      }
    }
  });

  it('solutions: O − y is the gradient of cross-entropy(softmax(z)) w.r.t. the logits z', () => {
    for (const n of [2, 3, 5]) {
      const z = rng.vector(n, -2, 2);
      const target = rng.oneHot(n);
      const fd = centralDifference((w) => crossEntropy(softmax(w), target), z);
      expectClose(softmaxCrossEntropyGradient(softmax(z), target), fd, 'delta_O_in', FD_TOLERANCE);
      expectClose(oracle.softmaxCrossEntropyGradientAtLogits(z, target), fd, 'delta_O_in (oracle)', FD_TOLERANCE);
    }
  });
});

describe('layer gradients match finite differences of g·z for z = x·W + b', () => {
  for (const [impl, f] of Object.entries({ solutions: { outputDelta, weightGradient, backpropToPreviousLayer, deltaThroughActivation, biasGradient, batchBiasGradient }, oracle })) {
    it(`${impl}: outputDelta is ∂(g·softmax(z))/∂z`, () => {
      for (const n of WIDTHS) {
        const z = rng.vector(n, -2, 2);
        const g = rng.vector(n, -3, 3);
        expectClose(f.outputDelta(g, softmaxJacobian(z)), centralDifference((w) => dot(g, softmax(w)), z), 'delta_O_in', FD_TOLERANCE);
      }
    });

    it(`${impl}: weight, input and bias gradients of a linear layer (several widths)`, () => {
      for (const [rows, cols] of [[3, 3], [2, 4], [4, 1]]) {
        const input = rng.vector(rows);
        const W = rng.matrix(rows, cols);
        const b = rng.vector(cols);
        const g = rng.vector(cols, -2, 2);
        const objective = (xi: Vector, Wi: typeof W, bi: Vector): number => dot(g, linearForward(xi, Wi, bi));
        expectClose(f.weightGradient(input, g), centralDifferenceMatrix((Wi) => objective(input, Wi, b), W), 'dW', FD_TOLERANCE);
        expectClose(f.backpropToPreviousLayer(g, W), centralDifference((xi) => objective(xi, W, b), input), 'dE_dprev', FD_TOLERANCE);
        expectClose(f.biasGradient(g), centralDifference((bi) => objective(input, W, bi), b), 'db', FD_TOLERANCE);
      }
    });

    it(`${impl}: delta through σ is ∂(g·σ(z))/∂z; batch bias gradient is ∂/∂b of the mean`, () => {
      const z = rng.vector(4, -3, 3);
      const g = rng.vector(4, -2, 2);
      expectClose(f.deltaThroughActivation(g, sigmoidDerivative(z)), centralDifference((w) => dot(g, sigmoid(w)), z), 'delta_h2_in', FD_TOLERANCE);
      const deltas = rng.matrix(5, 3, -1, 1);
      const meanObjective = (b: Vector): number => deltas.reduce((s, d) => s + dot(d, b), 0) / deltas.length;
      expectClose(f.batchBiasGradient(deltas), centralDifference(meanObjective, rng.vector(3)), 'db (batch)', FD_TOLERANCE);
    });
  }
});

describe('the whole backward pass matches finite differences of the loss', () => {
  const keys = [['W_ij', 'dW_ij'], ['b_j', 'db_j'], ['W_jk', 'dW_jk'], ['b_k', 'db_k'], ['W_kl', 'dW_kl'], ['b_l', 'db_l']] as const;
  for (const ex of examples) {
    it(`${ex.name}: every weight and bias gradient, solutions and oracle`, () => {
      const fromSolutions = backwardPass(ex.x, ex.y, ex.params, forwardPass(ex.x, ex.params));
      const fromOracle = oracle.backwardPass(ex.x, ex.y, ex.params);
      for (const [param, grad] of keys) {
        const value = ex.params[param];
        const fd = Array.isArray(value[0])
          ? centralDifferenceMatrix((M) => loss(withParam(ex.params, param, M), ex.x, ex.y), value as number[][])
          : centralDifference((v) => loss(withParam(ex.params, param, v), ex.x, ex.y), value as number[]);
        expectClose(fromSolutions[grad], fd, grad, FD_TOLERANCE);
        expectClose(fromOracle[grad], fd, `${grad} (oracle)`, FD_TOLERANCE);
      }
    });

    it(`${ex.name}: the intermediate deltas are ∂E/∂(that quantity)`, () => {
      const forward = forwardPass(ex.x, ex.params);
      const back = backwardPass(ex.x, ex.y, ex.params, forward);
      const { W_kl, b_l, W_jk, b_k } = ex.params;
      // loss as a function of each intermediate, with everything upstream held fixed
      const fromO_in = (z: Vector) => crossEntropy(softmax(z), ex.y);
      const fromH2_out = (h: Vector) => fromO_in(linearForward(h, W_kl, b_l));
      const fromH2_in = (z: Vector) => fromH2_out(sigmoid(z));
      const fromH1_out = (h: Vector) => fromH2_in(linearForward(h, W_jk, b_k));
      const fromH1_in = (z: Vector) => fromH1_out(relu(z));
      expectClose(back.dE_dO_out, centralDifference((O) => crossEntropy(O, ex.y), forward.O_out), 'dE_dO_out', FD_TOLERANCE);
      expectClose(back.delta_O_in, centralDifference(fromO_in, forward.O_in), 'delta_O_in', FD_TOLERANCE);
      expectClose(back.dE_dh2_out, centralDifference(fromH2_out, forward.h2_out), 'dE_dh2_out', FD_TOLERANCE);
      expectClose(back.delta_h2_in, centralDifference(fromH2_in, forward.h2_in), 'delta_h2_in', FD_TOLERANCE);
      expectClose(back.dE_dh1_out, centralDifference(fromH1_out, forward.h1_out), 'dE_dh1_out', FD_TOLERANCE);
      expectClose(back.delta_h1_in, centralDifference(fromH1_in, forward.h1_in), 'delta_h1_in', FD_TOLERANCE);
    });
  }
});

describe('batch gradients and the SGD step match finite differences', () => {
  it('the mean loss of a batch of 4 (solutions and oracle)', () => {
    const batch = Array.from({ length: 4 }, () => ({ x: rng.vector(3, 0, 1), y: rng.oneHot(3) }));
    const p = randomParams();
    const xs = batch.map((e) => e.x);
    const ys = batch.map((e) => e.y);
    const meanLoss = (q: Params) => batch.reduce((s, e) => s + loss(q, e.x, e.y), 0) / batch.length;
    const fd = centralDifferenceMatrix((M) => meanLoss(withParam(p, 'W_jk', M)), p.W_jk);
    expectClose(batchGradients(xs, ys, p).grads.dW_jk, fd, 'dW_jk (batch)', FD_TOLERANCE);
    expectClose(oracle.batchGradients(xs, ys, p).grads.dW_jk, fd, 'dW_jk (batch, oracle)', FD_TOLERANCE);
    const fdBias = centralDifference((v) => meanLoss(withParam(p, 'b_l', v)), p.b_l);
    expectClose(batchGradients(xs, ys, p).grads.db_l, fdBias, 'db_l (batch)', FD_TOLERANCE);
  });

  it('trainStep moves each weight by −lr × its finite-difference gradient', () => {
    const lr = 0.5;
    const next = trainStep(x, y, params, lr);
    const fd = centralDifferenceMatrix((M) => lossOracle(withParam(params, 'W_ij', M), x, y), params.W_ij);
    expectClose(next.W_ij, params.W_ij.map((row, r) => row.map((w, c) => w - lr * fd[r][c])), 'W_ij_updated', FD_TOLERANCE);
    const viaSgd = sgdStep(params, backwardPass(x, y, params, forwardPass(x, params)), lr);
    expectClose(viaSgd.W_ij, next.W_ij, 'W_ij_updated via sgdStep');
  });
});

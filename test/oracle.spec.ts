/**
 * The reference solutions agree with the independent oracle on random inputs of several
 * widths, so either one catches a mistake in the other.
 */
import { describe, it } from 'vitest';
import { expectClose } from '../exercises/shared/expect-close';
import { Rng } from '../grader/checks/rng';
import { oracle } from '../grader/oracle';
import { linearForward } from '../solutions/01-linear-forward/linear-forward';
import { relu, reluDerivative } from '../solutions/02-relu/relu';
import { sigmoid } from '../solutions/03-sigmoid/sigmoid';
import { softmax, softmaxJacobian } from '../solutions/04-softmax/softmax';
import { articleLoss } from '../solutions/06-article-loss/article-loss';
import { forwardPass } from '../solutions/07-forward-pass/forward-pass';
import { backwardPass } from '../solutions/12-backward-pass/backward-pass';
import { averageGradients, batchGradients } from '../solutions/14-batch-gradients/batch-gradients';
import { numericalGradient, relativeError } from '../solutions/15-gradient-check/gradient-check';
import { train } from '../solutions/16-training-loop/training-loop';

const rng = Rng.fromSeed('test/oracle.spec.ts');
const params = () => ({
  W_ij: rng.matrix(3, 3), b_j: rng.vector(3), W_jk: rng.matrix(3, 3), b_k: rng.vector(3), W_kl: rng.matrix(3, 3), b_l: rng.vector(3),
});

describe('solutions agree with the oracle', () => {
  it('element-wise functions and softmax, widths 1–6, ReLU′ at exactly 0', () => {
    for (let n = 1; n <= 6; n++) {
      const z = [...rng.vector(n, -5, 5), 0];
      expectClose(relu(z), oracle.relu(z), 'relu');
      expectClose(reluDerivative(z), oracle.reluDerivative(z), "relu'");
      expectClose(sigmoid(z), oracle.sigmoid(z), 'sigmoid');
      expectClose(softmax(z), oracle.softmax(z), 'softmax');
      expectClose(softmaxJacobian(z), oracle.softmaxJacobian(z), 'softmax_jacobian');
      expectClose(softmax(z.map((v) => v + 1000)), oracle.softmax(z.map((v) => v + 1000)), 'softmax of large logits');
    }
  });

  it('linear layers of other widths, and the article loss', () => {
    const input = rng.vector(4);
    const W = rng.matrix(4, 2);
    const b = rng.vector(2);
    expectClose(linearForward(input, W, b), oracle.linearForward(input, W, b), 'z');
    const O = rng.probabilities(4);
    const target = rng.oneHot(4);
    expectClose(articleLoss(O, target), oracle.articleLoss(O, target), 'article loss');
  });

  it('forward and backward pass on 10 random networks (ReLU sometimes off)', () => {
    for (let i = 0; i < 10; i++) {
      const p = params();
      const x = rng.vector(3);
      const y = rng.oneHot(3);
      const forward = forwardPass(x, p);
      const fromOracle = oracle.backwardPass(x, y, p);
      expectClose(forward.O_out, oracle.forwardPass(x, p).O_out, 'O_out');
      const back = backwardPass(x, y, p, forward);
      for (const key of Object.keys(fromOracle) as (keyof typeof fromOracle)[]) expectClose(back[key], fromOracle[key], key);
    }
  });

  it('batches, averaging, gradient check and training', () => {
    const p = params();
    const xs = rng.matrix(5, 3);
    const ys = Array.from({ length: 5 }, () => rng.oneHot(3));
    const mine = batchGradients(xs, ys, p);
    const theirs = oracle.batchGradients(xs, ys, p);
    expectClose(mine.loss, theirs.loss, 'batch loss');
    expectClose(mine.grads.dW_ij, theirs.grads.dW_ij, 'dW_ij');
    expectClose(averageGradients([mine.grads, theirs.grads]).db_k, theirs.grads.db_k, 'db_k');
    const f = (v: number[]) => Math.sin(v[0]) * v[1] ** 2;
    expectClose(numericalGradient(f, [0.3, -1.2]), oracle.numericalGradient(f, [0.3, -1.2]), 'numerical gradient');
    expectClose(relativeError(3, -1), oracle.relativeError(3, -1), 'relative error');
    const trained = train(p, xs, ys, { learningRate: 0.3, epochs: 5 });
    const expected = oracle.train(p, xs, ys, { learningRate: 0.3, epochs: 5 });
    expectClose(trained.losses, expected.losses, 'losses');
    expectClose(trained.params.W_kl, expected.params.W_kl, 'W_kl after 5 epochs');
  });
});

import { describe, it } from 'vitest';
import { EXACT } from '../shared/exact';
import { expectClose } from '../shared/expect-close';
import { WORKED_EXAMPLE } from '../shared/worked-example';
import { crossEntropy, crossEntropyGradient, softmaxCrossEntropyGradient } from './cross-entropy';

const { y } = WORKED_EXAMPLE;

describe('05 cross-entropy', () => {
  it('crossEntropy(O_out, y) = −log(O_out[0]) in the worked example', () => {
    expectClose(crossEntropy(EXACT.O_out, y), EXACT.loss, 'loss');
  });

  it('a 50/50 guess on a one-hot target costs log 2', () => {
    expectClose(crossEntropy([0.5, 0.5], [1, 0]), Math.LN2, 'crossEntropy([0.5, 0.5], [1, 0])');
  });

  it('crossEntropyGradient(O_out, y) = ∂E/∂O_out = −y/O_out', () => {
    expectClose(crossEntropyGradient(EXACT.O_out, y), EXACT.dE_dO_out, 'dE_dO_out');
  });

  it('softmaxCrossEntropyGradient(O_out, y) = ∂E/∂O_in = O_out − y', () => {
    expectClose(softmaxCrossEntropyGradient(EXACT.O_out, y), EXACT.delta_O_in, 'delta_O_in');
  });
});

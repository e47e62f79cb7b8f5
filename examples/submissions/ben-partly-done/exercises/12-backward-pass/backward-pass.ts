// Exercise 12-backward-pass: Full backward pass.
// Replace each TODO with your code. Check it with: npx vitest exercises/12-backward-pass
// Generated from the reference solution by `backprop-kit stubs`: keep the signatures.
import { reluDerivative } from '../02-relu/relu';
import { sigmoidDerivative } from '../03-sigmoid/sigmoid';
import { softmaxJacobian } from '../04-softmax/softmax';
import { crossEntropyGradient } from '../05-cross-entropy/cross-entropy';
import { outputDelta } from '../08-output-delta/output-delta';
import { weightGradient } from '../09-weight-gradient/weight-gradient';
import { backpropToPreviousLayer, deltaThroughActivation } from '../10-backprop-delta/backprop-delta';
import { biasGradient } from '../11-bias-gradient/bias-gradient';
import type { BackwardTrace, ForwardTrace, Params, Vector } from '../shared/types';
import { NotImplementedError } from '../shared/not-implemented';

/**
 * Backpropagation of the cross-entropy loss through the whole network, for one
 * example, from the forward pass's intermediates. Every gradient is taken at the
 * current parameters: nothing is updated here.
 */
export function backwardPass(x: Vector, y: Vector, params: Params, forward: ForwardTrace): BackwardTrace {
  // TODO: implement backwardPass (see the comment above and README.md).
  throw new NotImplementedError('12-backward-pass', 'backwardPass');
}

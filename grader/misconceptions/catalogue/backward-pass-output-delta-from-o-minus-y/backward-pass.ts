import { reluDerivative } from '../02-relu/relu';
import { sigmoidDerivative } from '../03-sigmoid/sigmoid';
import { softmaxJacobian } from '../04-softmax/softmax';
import { crossEntropyGradient, softmaxCrossEntropyGradient } from '../05-cross-entropy/cross-entropy';
import { outputDelta } from '../08-output-delta/output-delta';
import { weightGradient } from '../09-weight-gradient/weight-gradient';
import { backpropToPreviousLayer, deltaThroughActivation } from '../10-backprop-delta/backprop-delta';
import { biasGradient } from '../11-bias-gradient/bias-gradient';
import type { BackwardTrace, ForwardTrace, Params, Vector } from '../shared/types';

export function backwardPass(x: Vector, y: Vector, params: Params, forward: ForwardTrace): BackwardTrace {
  // Output layer: ∂E/∂O_out is right, but the Jacobian is applied to O − y.
  const dE_dO_out = crossEntropyGradient(forward.O_out, y);
  const softmax_jacobian = softmaxJacobian(forward.O_in);
  const delta_O_in = outputDelta(softmaxCrossEntropyGradient(forward.O_out, y), softmax_jacobian);
  const dW_kl = weightGradient(forward.h2_out, delta_O_in);
  const db_l = biasGradient(delta_O_in);

  const dE_dh2_out = backpropToPreviousLayer(delta_O_in, params.W_kl);
  const delta_h2_in = deltaThroughActivation(dE_dh2_out, sigmoidDerivative(forward.h2_in));
  const dW_jk = weightGradient(forward.h1_out, delta_h2_in);
  const db_k = biasGradient(delta_h2_in);

  const dE_dh1_out = backpropToPreviousLayer(delta_h2_in, params.W_jk);
  const delta_h1_in = deltaThroughActivation(dE_dh1_out, reluDerivative(forward.h1_in));
  const dW_ij = weightGradient(x, delta_h1_in);
  const db_j = biasGradient(delta_h1_in);

  return { dE_dO_out, softmax_jacobian, delta_O_in, dW_kl, db_l, dE_dh2_out, delta_h2_in, dW_jk, db_k, dE_dh1_out, delta_h1_in, dW_ij, db_j };
}

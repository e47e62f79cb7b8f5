/**
 * The reference solutions, imported directly (the kit's own code, so no sandbox), by exercise
 * id: `trace` runs the worked example through them. Bundled with the command line, they
 * need no TypeScript compiler at run time. test/trace-references.spec.ts checks the list
 * against the track.
 */
import type { ModuleExports } from '../sandbox/host-modules';
import * as step01 from '../../solutions/01-linear-forward/linear-forward';
import * as step02 from '../../solutions/02-relu/relu';
import * as step03 from '../../solutions/03-sigmoid/sigmoid';
import * as step04 from '../../solutions/04-softmax/softmax';
import * as step05 from '../../solutions/05-cross-entropy/cross-entropy';
import * as step06 from '../../solutions/06-article-loss/article-loss';
import * as step07 from '../../solutions/07-forward-pass/forward-pass';
import * as step08 from '../../solutions/08-output-delta/output-delta';
import * as step09 from '../../solutions/09-weight-gradient/weight-gradient';
import * as step10 from '../../solutions/10-backprop-delta/backprop-delta';
import * as step11 from '../../solutions/11-bias-gradient/bias-gradient';
import * as step12 from '../../solutions/12-backward-pass/backward-pass';
import * as step13 from '../../solutions/13-sgd-step/sgd-step';
import * as step14 from '../../solutions/14-batch-gradients/batch-gradients';
import * as step15 from '../../solutions/15-gradient-check/gradient-check';
import * as step16 from '../../solutions/16-training-loop/training-loop';

export const REFERENCE_MODULES: ReadonlyMap<string, ModuleExports> = new Map<string, ModuleExports>([
  ['01-linear-forward', step01],
  ['02-relu', step02],
  ['03-sigmoid', step03],
  ['04-softmax', step04],
  ['05-cross-entropy', step05],
  ['06-article-loss', step06],
  ['07-forward-pass', step07],
  ['08-output-delta', step08],
  ['09-weight-gradient', step09],
  ['10-backprop-delta', step10],
  ['11-bias-gradient', step11],
  ['12-backward-pass', step12],
  ['13-sgd-step', step13],
  ['14-batch-gradients', step14],
  ['15-gradient-check', step15],
  ['16-training-loop', step16],
]);

/** Every hidden spec, one per exercise, in track order. Instructors add checks in the NN-name.hidden.ts files. */
import type { HiddenSpec } from '../checks/dsl';
import spec01 from './01-linear-forward.hidden';
import spec02 from './02-relu.hidden';
import spec03 from './03-sigmoid.hidden';
import spec04 from './04-softmax.hidden';
import spec05 from './05-cross-entropy.hidden';
import spec06 from './06-article-loss.hidden';
import spec07 from './07-forward-pass.hidden';
import spec08 from './08-output-delta.hidden';
import spec09 from './09-weight-gradient.hidden';
import spec10 from './10-backprop-delta.hidden';
import spec11 from './11-bias-gradient.hidden';
import spec12 from './12-backward-pass.hidden';
import spec13 from './13-sgd-step.hidden';
import spec14 from './14-batch-gradients.hidden';
import spec15 from './15-gradient-check.hidden';
import spec16 from './16-training-loop.hidden';

export const HIDDEN_SPECS: HiddenSpec[] = [spec01, spec02, spec03, spec04, spec05, spec06, spec07, spec08, spec09, spec10, spec11, spec12, spec13, spec14, spec15, spec16];

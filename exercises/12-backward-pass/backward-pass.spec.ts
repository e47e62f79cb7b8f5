import { describe, it } from 'vitest';
import { EXACT } from '../shared/exact';
import { expectClose } from '../shared/expect-close';
import { WORKED_EXAMPLE } from '../shared/worked-example';
import { backwardPass } from './backward-pass';

const { x, y, params } = WORKED_EXAMPLE;
const NAMES = [
  'dE_dO_out',
  'softmax_jacobian',
  'delta_O_in',
  'dW_kl',
  'db_l',
  'dE_dh2_out',
  'delta_h2_in',
  'dW_jk',
  'db_k',
  'dE_dh1_out',
  'delta_h1_in',
  'dW_ij',
  'db_j',
] as const;

describe('12 full backward pass', () => {
  for (const name of NAMES) {
    it(`${name} of the worked example`, () => {
      const trace = backwardPass(x, y, params, EXACT);
      expectClose(trace[name], EXACT[name], name);
    });
  }
});

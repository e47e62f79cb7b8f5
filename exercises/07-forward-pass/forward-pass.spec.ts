import { describe, it } from 'vitest';
import { EXACT } from '../shared/exact';
import { expectClose } from '../shared/expect-close';
import { WORKED_EXAMPLE } from '../shared/worked-example';
import { forwardPass } from './forward-pass';

const NAMES = ['h1_in', 'h1_out', 'h2_in', 'h2_out', 'O_in', 'O_out'] as const;

describe('07 forward pass', () => {
  for (const name of NAMES) {
    it(`${name} of the worked example`, () => {
      const trace = forwardPass(WORKED_EXAMPLE.x, WORKED_EXAMPLE.params);
      expectClose(trace[name], EXACT[name], name);
    });
  }
});

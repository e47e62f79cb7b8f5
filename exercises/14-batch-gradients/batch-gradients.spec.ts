import { describe, it } from 'vitest';
import { EXACT, SECOND } from '../shared/exact';
import { expectClose } from '../shared/expect-close';
import type { Gradients } from '../shared/types';
import { WORKED_EXAMPLE } from '../shared/worked-example';
import { averageGradients, batchGradients } from './batch-gradients';

const { x, y, params } = WORKED_EXAMPLE;
const KEYS = ['dW_ij', 'db_j', 'dW_jk', 'db_k', 'dW_kl', 'db_l'] as const;
const pick = (g: Gradients): Gradients => Object.fromEntries(KEYS.map((k) => [k, g[k]])) as unknown as Gradients;
/** The element-wise mean of two vectors or two matrices. */
const mean2 = <T extends number[] | number[][]>(a: T, b: T): T =>
  a.map((v, i) => (Array.isArray(v) ? v.map((w, j) => (w + (b[i] as number[])[j]) / 2) : (v + (b[i] as number)) / 2)) as T;

describe('14 batch averaging', () => {
  it('averageGradients of one example is that example', () => {
    const avg = averageGradients([pick(EXACT)]);
    for (const k of KEYS) expectClose(avg[k], EXACT[k], k);
  });

  it('averageGradients of two examples is their element-wise mean', () => {
    const avg = averageGradients([pick(EXACT), pick(SECOND.trace)]);
    for (const k of KEYS) expectClose(avg[k], mean2(EXACT[k], SECOND.trace[k]), k);
  });

  it('batchGradients of the worked example alone gives its loss and gradients', () => {
    const { loss, grads } = batchGradients([x], [y], params);
    expectClose(loss, EXACT.loss, 'loss');
    for (const k of KEYS) expectClose(grads[k], EXACT[k], k);
  });

  it('batchGradients of two examples: mean loss and mean gradients', () => {
    const { loss, grads } = batchGradients([x, SECOND.x], [y, SECOND.y], params);
    expectClose(loss, (EXACT.loss + SECOND.trace.loss) / 2, 'loss');
    for (const k of KEYS) expectClose(grads[k], mean2(EXACT[k], SECOND.trace[k]), k);
  });
});

/**
 * The course track, checked the way `backprop-kit verify` checks it (the fast parts; the
 * public specs run on the solutions in the "solutions" project of this suite, and on the
 * stubs in cli.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { verifyExerciseFiles, verifyStubsInSync } from '../grader/verify';

describe('course track', () => {
  it('stubs are in sync with the solutions (backprop-kit stubs --check)', () => {
    const item = verifyStubsInSync();
    expect(item.ok, item.detail).toBe(true);
  });

  it('every exercise has a README, hints, a stub with a TODO throwing NotImplementedError, a public spec, and declared dependencies', () => {
    const failed = verifyExerciseFiles().filter((i) => !i.ok);
    expect(failed.map((i) => `${i.name}: ${i.detail ?? ''}`)).toEqual([]);
  });
});

/**
 * The hidden specs are sound: every check passes on the reference solutions (under
 * several seeds) and fails on the untouched stubs with "not implemented". This file is
 * also what mutation testing (npm run mutation) runs against solutions/.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../grader/checks/rng';
import { runCheck } from '../grader/checks/runner';
import { HIDDEN_SPECS } from '../grader/hidden';
import { directSubject, type ModuleExports } from '../grader/sandbox/host-modules';
import { loadTrack } from '../grader/track';

const solutions = import.meta.glob<ModuleExports>('../solutions/*/*.ts', { eager: true });
const stubs = import.meta.glob<ModuleExports>(['../exercises/[0-9]*/*.ts', '!../exercises/**/*.spec.ts'], { eager: true });
const moduleOf = (tree: Record<string, ModuleExports>, root: string, exercise: { id: string; file: string }): ModuleExports => {
  const found = tree[`../${root}/${exercise.id}/${exercise.file}`];
  if (!found) throw new Error(`no module ${root}/${exercise.id}/${exercise.file}`);
  return found;
};
const SEEDS = ['seed-a', 'seed-b', 'seed-c'];

describe('hidden specs', () => {
  it('cover every exercise of the track, in order', () => {
    expect(HIDDEN_SPECS.map((s) => s.exercise)).toEqual(loadTrack().map((e) => e.id));
  });

  for (const spec of HIDDEN_SPECS) {
    const exercise = loadTrack().find((e) => e.id === spec.exercise)!;
    describe(spec.exercise, () => {
      it('every check passes on the reference solution, under several seeds', () => {
        const subject = directSubject(() => moduleOf(solutions, 'solutions', exercise));
        for (const seed of SEEDS) {
          for (const check of spec.checks) {
            const outcome = runCheck(check, subject, Rng.fromSeed(seed, spec.exercise, check.name));
            expect(outcome.status, `${check.name} (seed ${seed}): ${outcome.failure?.message}`).toBe('passed');
          }
        }
      });

      it('every check fails on the untouched stub, as not implemented', () => {
        const subject = directSubject(() => moduleOf(stubs, 'exercises', exercise));
        for (const check of spec.checks) {
          const outcome = runCheck(check, subject, Rng.fromSeed('stub', spec.exercise, check.name));
          expect(outcome.status, `${check.name}: ${outcome.failure?.message}`).toBe('not-implemented');
          expect(outcome.fraction).toBe(0);
        }
      });
    });
  }
});

/**
 * The misconception catalogue: each entry is a student file with exactly one mistake.
 * For every entry, the hidden specs of its exercise fail it, every other exercise keeps
 * full marks (no cascading), and the feedback names the misconception — found by
 * comparing outputs with the known wrong variant, not by reading the code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIT_ROOT } from '../grader/paths';
import { gradeInProcess, gradingKit } from './helpers/grading';

const catalogue = gradingKit().detector.catalogue;

describe('misconception catalogue', () => {
  it('has at least 25 entries, each with a title and an explanation', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(25);
    for (const entry of catalogue) {
      expect(entry.title.length, entry.id).toBeGreaterThan(5);
      expect(entry.explanation.length, entry.id).toBeGreaterThan(30);
    }
  });

  it('every entry is a realistic student file: it compiles and type-checks in the grader', () => {
    const { compiler, track } = gradingKit();
    for (const entry of catalogue) {
      const exercise = track.find((e) => e.id === entry.exercise)!;
      const compiled = compiler.compile(exercise, readFileSync(path.join(KIT_ROOT, entry.file), 'utf8'));
      expect(compiled.problems, entry.id).toEqual([]);
    }
  });

  for (const entry of catalogue) {
    it(`${entry.id}: fails ${entry.exercise} only, and the feedback names it`, () => {
      const source = readFileSync(path.join(KIT_ROOT, entry.file), 'utf8');
      const run = gradeInProcess({ [entry.exercise]: source }, { studentId: `misconception-${entry.id}` });
      for (const exercise of run.exercises) {
        if (exercise.exercise === entry.exercise) {
          expect(exercise.status, `${exercise.exercise}: ${exercise.message}`).toBe('graded');
          const failed = exercise.checks.filter((c) => c.status === 'failed');
          expect(failed.length, 'some hidden check must fail').toBeGreaterThan(0);
          const named = failed.filter((c) => c.failure?.misconceptions?.some((m) => m.id === entry.id));
          expect(named.length, `no failed check names ${entry.id}; failures: ${failed.map((c) => `${c.name} → [${c.failure?.misconceptions?.map((m) => m.id)}]`).join('; ')}`).toBeGreaterThan(0);
        } else {
          const notPassed = exercise.checks.filter((c) => c.status !== 'passed');
          expect(notPassed.map((c) => `${exercise.exercise} › ${c.name}: ${c.failure?.message}`), 'other exercises are unaffected').toEqual([]);
        }
      }
    });
  }
});

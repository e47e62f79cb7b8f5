/**
 * The naive baseline of the benchmark: one vitest process per submission, running every
 * hidden check on the student's modules imported directly (no isolation, no sandbox).
 * Not part of the test suite (its name does not end in .spec.ts); grading-bench.ts runs it.
 */
import path from 'node:path';
import { describe, it } from 'vitest';
import { Rng } from '../../grader/checks/rng';
import { runCheck } from '../../grader/checks/runner';
import { HIDDEN_SPECS } from '../../grader/hidden';
import { directSubject, type ModuleExports } from '../../grader/sandbox/host-modules';
import { loadTrack } from '../../grader/track';

const submission = process.env.BENCH_SUBMISSION ?? '';

describe(`baseline grading of ${path.basename(submission)}`, () => {
  for (const spec of HIDDEN_SPECS) {
    const exercise = loadTrack().find((e) => e.id === spec.exercise)!;
    it(spec.exercise, async () => {
      let module: ModuleExports | undefined;
      try {
        module = (await import(path.join(submission, 'exercises', exercise.id, exercise.file))) as ModuleExports;
      } catch {
        return; // a file that does not load scores 0; nothing to run
      }
      for (const check of spec.checks) runCheck(check, directSubject(() => module!), Rng.fromSeed('bench', path.basename(submission), spec.exercise, check.name));
    });
  }
});

/** Grades in this process (no worker pool) for tests: one loaded kit, submissions built from the solutions. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KIT_ROOT } from '../../grader/paths';
import { gradeStudent, type GradingKit } from '../../grader/run/grade-student';
import { readKitDescription } from '../../grader/run/kit-description';
import { loadGradingKit } from '../../grader/run/kit-loader';
import type { GradeJob, JobFile, StudentRun } from '../../grader/run/types';

let kit: GradingKit | undefined;

export function gradingKit(): GradingKit {
  kit ??= loadGradingKit(KIT_ROOT, readKitDescription(KIT_ROOT));
  return kit;
}

export const solutionSource = (exerciseId: string): string => {
  const exercise = gradingKit().track.find((e) => e.id === exerciseId)!;
  return readFileSync(path.join(KIT_ROOT, 'solutions', exercise.id, exercise.file), 'utf8');
};

/** Every exercise file from the solutions, with `overrides` (exercise id → source) put in their place. */
export function submissionFiles(overrides: Record<string, string> = {}): Record<string, JobFile> {
  return Object.fromEntries(
    gradingKit().track.map((e) => [e.id, { status: 'ok', path: `exercises/${e.id}/${e.file}`, content: overrides[e.id] ?? solutionSource(e.id) }]),
  );
}

export function gradeInProcess(overrides: Record<string, string>, job: Partial<GradeJob> = {}): StudentRun {
  return gradeStudent(
    {
      studentId: 'test-student',
      files: submissionFiles(overrides),
      secret: 'test-secret',
      hiddenInputs: 'per-class',
      limits: { timeoutMs: 2000, memoryMb: 64 },
      typeCheck: true,
      typeErrors: 'fail',
      ...job,
    },
    gradingKit(),
  );
}

/** The class results.json: the summary, then one entry per student, for scripts and LMS tools. */
import type { ExerciseStatus } from '../run/types';
import type { ClassSummary, StudentRecord } from '../results/types';
import { partialRun, type PartialRun } from './run-view';
import { gradingFailed } from './summary';

export const CLASS_RESULTS_FORMAT = 1;

export interface ClassResults {
  format: typeof CLASS_RESULTS_FORMAT;
  courseTitle: string;
  summary: ClassSummary;
  /** present when some exercise was not graded for some student (a run with --only) */
  partial?: PartialRun;
  students: {
    id: string;
    dir: string;
    score: number;
    maxScore: number;
    /** nothing could be graded, or grading failed */
    failed: boolean;
    integration: { score: number; maxScore: number; right: number; total: number };
    exercises: { exercise: string; score: number; maxScore: number; status: ExerciseStatus }[];
  }[];
}

export function classResults(sortedRecords: StudentRecord[], summary: ClassSummary, courseTitle: string): ClassResults {
  const partial = partialRun(sortedRecords);
  return {
    format: CLASS_RESULTS_FORMAT,
    courseTitle,
    summary,
    ...(partial ? { partial } : {}),
    students: sortedRecords.map((r) => ({
      id: r.studentId,
      dir: r.dir,
      score: r.score,
      maxScore: r.maxScore,
      failed: gradingFailed(r),
      integration: { score: r.integration.score, maxScore: r.integration.maxScore, right: r.integration.right, total: r.integration.total },
      exercises: r.exercises.map((e) => ({ exercise: e.exercise, score: e.score, maxScore: e.maxScore, status: e.status })),
    })),
  };
}

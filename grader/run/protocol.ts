/** Messages between the main process and a grading worker. */
import type { GradeJob, StudentRun } from './types';

export type ToWorker = { type: 'grade'; jobId: number; job: GradeJob };

export type ToMain =
  | { type: 'ready' }
  | { type: 'result'; jobId: number; run: StudentRun }
  | { type: 'failed'; jobId: number; message: string };

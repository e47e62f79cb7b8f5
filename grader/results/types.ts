/**
 * The graded record of one student, as stored in <out>/students/<dir>/record.json and
 * rendered by every report. Plain data; no timestamps or durations except in `timing`,
 * so the same submissions, config and secret always give the same record.
 */
import type { CheckStatus } from '../checks/outcome';
import type { CompileProblem } from '../compile/compiler';
import type { ExerciseStatus, IntegrationQuantity } from '../run/types';
import type { TraceEntry } from '../student/trace';
import type { GradedWith } from './graded-with';

export const RECORD_FORMAT = 1;

export interface ScoredCheck {
  name: string;
  /** e.g. "4.3": exercise number . check number */
  number: string;
  status: CheckStatus;
  score: number;
  maxScore: number;
  trials: { passed: number; total: number };
  failure?: {
    message: string;
    path?: string;
    expected?: unknown;
    actual?: unknown;
    trial?: string;
    input?: string;
    /** misconceptions named by the detector, with their explanation */
    misconceptions: { id: string; title: string; explanation: string }[];
  };
}

export interface ScoredExercise {
  exercise: string;
  title: string;
  status: ExerciseStatus;
  message?: string;
  score: number;
  maxScore: number;
  checks: ScoredCheck[];
  problems: CompileProblem[];
  output: string;
  limitHit?: 'time' | 'memory';
  /** path of the exercise README, relative to the kit root */
  readme: string;
}

export interface StudentRecord {
  format: typeof RECORD_FORMAT;
  studentId: string;
  /** folder name under <out>/students/ */
  dir: string;
  submission: {
    kind: 'folder' | 'zip';
    /** file name inside the submissions folder */
    name: string;
    contentHash: string;
    foundAt: string | null;
    missing: string[];
    extraFiles: string[];
    notes: string[];
    fatal?: { code: string; message: string };
  };
  /** hash of everything that decides the grade (kit, config, secret, submission); --resume reuses a record only if it matches */
  inputHash: string;
  /** the kit, config and secret it was graded with (records before this field have none): a regrade or a merge combines only records that agree */
  gradedWith?: GradedWith;
  score: number;
  maxScore: number;
  exercises: ScoredExercise[];
  integration: {
    score: number;
    maxScore: number;
    right: number;
    total: number;
    quantities: IntegrationQuantity[];
    /** the trace's cascade view (feedback.html draws it); absent in records made before it existed */
    cascade?: TraceEntry[];
    message?: string;
  };
  limits: { timeoutMs: number; memoryMb: number };
  /** set when the grader itself could not finish this submission */
  graderError?: string;
  /** when the record was made (ISO 8601, UTC): the class page states when the class was graded */
  timing: { gradingMs: number; gradedAt?: string };
}

export interface ClassSummary {
  students: number;
  meanScore: number;
  maxScore: number;
  /** students whose submission could not be graded at all, or whose grading failed */
  failures: number;
  perExercise: { exercise: string; title: string; maxScore: number; meanScore: number; passRate: number }[];
  misconceptions: { id: string; title: string; exercise: string; students: number }[];
}

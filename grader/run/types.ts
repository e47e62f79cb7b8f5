/** The data a grading worker receives and sends back (plain, structured-clone safe). */
import type { CheckOutcome } from '../checks/outcome';
import type { CompileProblem } from '../compile/compiler';
import type { TraceEntry } from '../student/trace';

export type JobFile =
  | { status: 'ok'; content: string; path: string }
  | { status: 'missing' }
  | { status: 'unreadable'; message: string; path?: string };

export interface GradeJob {
  studentId: string;
  /** exercise id → the student's file */
  files: Record<string, JobFile>;
  /** course secret that seeds the hidden inputs */
  secret: string;
  /** 'per-student': the student id seeds the hidden inputs too */
  hiddenInputs: 'per-class' | 'per-student';
  /** grade only these exercises (all when absent) */
  only?: string[];
  limits: { timeoutMs: number; memoryMb: number };
  typeCheck: boolean;
  /** 'fail': a type error fails the exercise; 'warn': it is reported and the code still runs */
  typeErrors: 'fail' | 'warn';
  /**
   * Steps (exercise ids, or 'integration') that stopped a grading worker in an earlier
   * attempt at this job: they are not run again, and get this verdict instead.
   */
  abandoned?: Record<string, AbandonedStep>;
  /**
   * Results the main process already has for files of this job (graded for another student
   * with the same file): these exercises are not run again, nor the integration run if given.
   */
  known?: { exercises: Record<string, ExerciseRun>; integration?: IntegrationRun };
}

/** The verdict of a step whose code stopped its grading worker (a native out-of-memory abort, a hang). */
export interface AbandonedStep {
  status: 'crashed' | 'timeout' | 'out-of-memory';
  message: string;
  limitHit?: 'time' | 'memory';
}

/** What a worker tells the main process it starts: 'compile' (all files), an exercise id, or 'integration'. */
export type GradingStep = string;

export type ExerciseStatus =
  | 'graded'
  | 'not-implemented'
  | 'missing'
  | 'unreadable'
  | 'syntax-error'
  | 'import-error'
  | 'type-error'
  | 'crashed'
  | 'timeout'
  | 'out-of-memory'
  | 'skipped';

export interface ExerciseRun {
  exercise: string;
  status: ExerciseStatus;
  /** one sentence on why the exercise was not (fully) graded */
  message?: string;
  problems: CompileProblem[];
  checks: CheckOutcome[];
  /** what the code printed (capped) */
  output: string;
  limitHit?: 'time' | 'memory';
}

export interface IntegrationQuantity {
  name: string;
  status: 'right' | 'wrong' | 'unavailable';
  message?: string;
}

export interface IntegrationRun {
  /** the worked example run through the student's own modules, wired together */
  quantities: IntegrationQuantity[];
  /** the trace's cascade view: the student's step functions chained (absent if the run stopped first) */
  cascade?: TraceEntry[];
  message?: string;
}

export interface StudentRun {
  studentId: string;
  exercises: ExerciseRun[];
  integration: IntegrationRun;
}

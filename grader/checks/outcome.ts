/** What running one check produced: plain data, sent from a grading worker to the main process. */

/** One call the check made to the graded code. */
export interface CallRecord {
  fn: string;
  args: unknown[];
  result?: unknown;
  argsAfter?: unknown[];
  error?: StudentErrorInfo;
}

export interface StudentErrorInfo {
  /** the thrown value's name (Error subclass) or its type */
  name: string;
  message: string;
  notImplemented: boolean;
}

export interface Failure {
  /** one or two sentences for the student: what was expected, what came back */
  message: string;
  /** the quantity, e.g. `softmax(z)[1]` */
  path?: string;
  expected?: unknown;
  actual?: unknown;
  /** the trial's label and the call that produced the wrong value, e.g. `softmax([1000, 1001, 1002])` */
  trial?: string;
  input?: string;
  /** the calls of the failing trial, for misconception detection */
  calls: CallRecord[];
  /** filled in by the misconception detector */
  misconceptions?: Naming[];
}

/** A misconception named on a failure, with what was observed. */
export interface Naming {
  /** a catalogue id, or the generic detector's `another-quantity` */
  id: string;
  /** what the student's code returned that shows it, e.g. "On delta_O_in and dW_kl, your code returns what this mistake gives." */
  observed: string;
}

export type CheckStatus = 'passed' | 'failed' | 'not-implemented' | 'error' | 'not-run';

export interface CheckOutcome {
  name: string;
  status: CheckStatus;
  /** the share of this check's points earned, 0..1 */
  fraction: number;
  trials: { passed: number; total: number };
  failure?: Failure;
  /** the graded functions the check called, and those whose call ended a failing trial (for grader/checks/gate.ts) */
  functions?: { called: string[]; wrong: string[] };
}

/**
 * Every error the kit reports on purpose is a KitError: a stable code, a message naming
 * the problem, and the next step for the user. The CLI's one top-level handler prints
 * them; anything else is a bug and is printed with its stack.
 */
export type KitErrorCode =
  | 'TRACK_INVALID'
  | 'CONFIG_INVALID'
  | 'CONFIG_NOT_FOUND'
  | 'EXERCISE_UNKNOWN'
  | 'STUBS_OUT_OF_DATE'
  | 'EXERCISES_EDITED'
  | 'COURSE_UNFINISHED'
  | 'SUBMISSIONS_NOT_FOUND'
  | 'SUBMISSIONS_DUPLICATE_ID'
  | 'OUTPUT_UNSAFE'
  | 'IMPL_NOT_FOUND'
  | 'TRACE_HTML_FAILED'
  | 'VERIFY_FAILED'
  | 'HANDOUT_FAILED'
  | 'REGRADE_INCOMPATIBLE'
  | 'MERGE_REFUSED';

/**
 * Exit status of every command, for scripts: 0 done; 1 the command failed (a KitError, nothing
 * or nothing new written); 2 usage error; 3 `grade`/`merge` finished, but some submissions
 * could not be read or graded (the summary line names them); 70 a bug in the kit.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, someNotGraded: 3, bug: 70 } as const;

export class KitError extends Error {
  override readonly name = 'KitError';
  constructor(
    readonly code: KitErrorCode,
    message: string,
    /** what the user should run or change next */
    readonly nextStep?: string,
    /** process exit code (usage errors, exit code 2, are commander's) */
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

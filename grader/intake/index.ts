/**
 * Intake: turns a folder of submissions into in-memory file contents for the grader,
 * without extracting or changing anything on disk.
 */
export { discoverSubmissions, type Discovery, type IgnoredEntry } from './discover';
export { readSubmission } from './read-submission';
export { safeStudentDirName } from './student-dir-name';
export { DEFAULT_LIMITS, type IntakeLimits } from './limits';
export type { ExerciseFile, FatalCode, Submission, SubmissionSource, UnreadableReason } from './types';

/** The shapes the intake hands to the grader: one student's submission, read into memory. */

/** One entry of the submissions folder: a student's folder or their .zip. */
export interface SubmissionSource {
  /** the student id: the folder name, or the zip's name without .zip (never altered) */
  id: string;
  /** absolute path of the folder or zip */
  path: string;
  kind: 'folder' | 'zip';
}

export type UnreadableReason = 'not-utf8' | 'too-large' | 'symlink' | 'not-a-file' | 'read-error';

/** One exercise's source file, as found in a submission. Paths are relative to the submission root, with '/'. */
export type ExerciseFile =
  | { status: 'ok'; content: string; path: string; bytes: number }
  | { status: 'missing' }
  | { status: 'unreadable'; reason: UnreadableReason; message: string; path: string };

export type FatalCode = 'zip-corrupt' | 'zip-too-large' | 'zip-unsafe-path' | 'no-exercises' | 'unreadable';

export interface Submission {
  id: string;
  source: SubmissionSource;
  /** sha256 over the exercise files found (paths and contents), so a resumed run can tell whether it changed */
  contentHash: string;
  /** every exercise of the track, in track order */
  exercises: Record<string, ExerciseFile>;
  /** the folder holding the NN-name/ folders, relative to the submission root ('', 'exercises', 'my-work/exercises', …) */
  foundAt: string | null;
  /** files that are not exercise files, sorted, at most EXTRA_FILES_LISTED of them */
  extraFiles: string[];
  /** sentences for the student's report, about how the submission was read */
  notes: string[];
  /** set when nothing could be graded; every exercise is then 'missing' */
  fatal?: { code: FatalCode; message: string };
}

/**
 * Results already graded in this run, by content. With per-class hidden inputs an
 * exercise's result follows from its file alone, and the integration run's from the
 * student's files, so a file many students share (an untouched stub, the same answer)
 * is compiled and run once, and the students after the first get its result.
 *
 * Only results that follow from the code are kept: a timeout, an out-of-memory or a
 * crash can depend on how busy the machine was, so the next student with that file is
 * graded again. Nor is anything from a retried job kept (a step that stopped its worker).
 */
import { createHash } from 'node:crypto';
import type { Exercise } from '../track';
import { gradedExercises, hiddenInputSeed, skippedRun } from './grade-student';
import type { ExerciseRun, ExerciseStatus, GradeJob, IntegrationRun, StudentRun } from './types';

const REUSABLE: ReadonlySet<ExerciseStatus> = new Set(['graded', 'not-implemented', 'missing', 'unreadable', 'syntax-error', 'import-error', 'type-error']);

/** Results kept (a thousand students' worth): enough for the files a class shares. */
const RESULTS_KEPT = 16_000;

export interface CacheStats {
  /** exercises graded for a student, counting each exercise of each student once */
  exercises: number;
  /** of those, how many reused an earlier result */
  reused: number;
  /** students who needed no grading worker at all */
  studentsFromCache: number;
}

export class ResultCache {
  private readonly exercises = new Map<string, ExerciseRun>();
  private readonly integrations = new Map<string, IntegrationRun>();
  readonly stats: CacheStats = { exercises: 0, reused: 0, studentsFromCache: 0 };

  constructor(private readonly track: Exercise[]) {}

  /** What is already known of this job's results; `complete` when no worker is needed. */
  lookup(job: GradeJob): { known: NonNullable<GradeJob['known']>; complete: boolean } {
    const exercises: Record<string, ExerciseRun> = {};
    const graded = gradedExercises(this.track, job);
    for (const exercise of graded) {
      const run = this.exercises.get(exerciseKey(job, exercise.id));
      if (run) exercises[exercise.id] = run;
    }
    const integration = this.integrations.get(integrationKey(job, graded));
    this.stats.exercises += graded.length;
    this.stats.reused += Object.keys(exercises).length;
    const complete = integration !== undefined && graded.every((e) => exercises[e.id]);
    if (complete) this.stats.studentsFromCache++;
    return { known: { exercises, ...(integration ? { integration } : {}) }, complete };
  }

  /** The student's run, assembled from known results (after lookup said `complete`). */
  assemble(job: GradeJob, known: NonNullable<GradeJob['known']>): StudentRun {
    return {
      studentId: job.studentId,
      exercises: this.track.map((e) => known.exercises[e.id] ?? skippedRun(e.id)),
      integration: known.integration!,
    };
  }

  /** Keeps what a worker graded for this job, where it follows from the files alone. */
  store(job: GradeJob, run: StudentRun): void {
    if (job.abandoned) return;
    // a class of distinct files would otherwise keep every result of every student
    if (this.exercises.size > RESULTS_KEPT) this.exercises.clear();
    if (this.integrations.size > RESULTS_KEPT) this.integrations.clear();
    for (const result of run.exercises) {
      if (REUSABLE.has(result.status)) this.exercises.set(exerciseKey(job, result.exercise), result);
    }
    // a message says the run was stopped (time, memory) rather than finished
    if (run.integration.message === undefined) this.integrations.set(integrationKey(job, gradedExercises(this.track, job)), run.integration);
  }
}

/** Each file's hash, computed once for a job's files (retries and lookups share the object). */
const fileHashes = new WeakMap<GradeJob['files'], Map<string, string>>();

/** Everything an exercise's result depends on, except its hidden inputs. */
function fileKey(job: GradeJob, exerciseId: string): string {
  let hashes = fileHashes.get(job.files);
  if (!hashes) fileHashes.set(job.files, (hashes = new Map()));
  let fileHash = hashes.get(exerciseId);
  if (fileHash === undefined) {
    const file = job.files[exerciseId] ?? { status: 'missing' };
    // where the file was found does not change how it is graded
    const { path: _path, ...content } = file as typeof file & { path?: string };
    hashes.set(exerciseId, (fileHash = hash([JSON.stringify(content)])));
  }
  return JSON.stringify([exerciseId, fileHash, job.typeCheck, job.typeErrors, job.limits]);
}

function exerciseKey(job: GradeJob, exerciseId: string): string {
  return hash([fileKey(job, exerciseId), ...hiddenInputSeed(job)]);
}

function integrationKey(job: GradeJob, graded: Exercise[]): string {
  return hash(graded.map((e) => fileKey(job, e.id)));
}

const hash = (parts: string[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

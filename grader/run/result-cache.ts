/**
 * Results already graded in this run, by content, for students with the same file.
 *
 * A result is handed to another student only where it cannot depend on the hidden inputs
 * the first student met (which are that student's own with per-student inputs, the default):
 * an exercise that never ran a check (missing, unreadable, a syntax, import or type error),
 * the untouched handout stub (it throws "not implemented" whatever the input; its failures
 * name no input), and the integration run (the worked example, the same for everyone). With
 * per-class inputs every student meets the same inputs, so any result that follows from the
 * file is shared among them.
 *
 * Only results that follow from the code are kept: a timeout, an out-of-memory or a crash can
 * depend on how busy the machine was, so the next student with that file is graded again.
 * Nor is anything from a retried job kept (a step that stopped its worker).
 *
 * Identical files graded at the same moment get one verdict: a job claims the results it is
 * about to produce, and a job that needs one of them waits for it instead of grading the
 * same file a second time (code that answers at random would otherwise get two verdicts).
 */
import { createHash } from 'node:crypto';
import type { Exercise } from '../track';
import { gradedExercises, skippedRun } from './grade-student';
import type { ExerciseRun, ExerciseStatus, GradeJob, IntegrationRun, StudentRun } from './types';

/** Results that ran no check, so no hidden input: they follow from the file alone. */
const INPUT_FREE: ReadonlySet<ExerciseStatus> = new Set(['missing', 'unreadable', 'syntax-error', 'import-error', 'type-error']);
/** Results that follow from the file and the hidden inputs (shared only with per-class inputs). */
const PER_CLASS: ReadonlySet<ExerciseStatus> = new Set(['graded', 'not-implemented']);

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

export interface Lookup {
  known: NonNullable<GradeJob['known']>;
  /** no worker is needed */
  complete: boolean;
  /** to call once the job's results are stored (or the job failed): jobs waiting for them go on */
  release(): void;
}

export class ResultCache {
  private readonly exercises = new Map<string, ExerciseRun>();
  private readonly integrations = new Map<string, IntegrationRun>();
  /** results a job in flight is producing, by key */
  private readonly pending = new Map<string, Promise<void>>();
  readonly stats: CacheStats = { exercises: 0, reused: 0, studentsFromCache: 0 };

  /** `stubs`: exercise id → the handout stub's content */
  constructor(
    private readonly track: Exercise[],
    private readonly stubs: ReadonlyMap<string, string> = new Map(),
  ) {}

  /**
   * What is already known of this job's results, after waiting for the jobs in flight that
   * produce results it needs; the job claims the ones still unknown until it calls release().
   */
  async lookup(job: GradeJob): Promise<Lookup> {
    const graded = gradedExercises(this.track, job);
    for (;;) {
      const known = this.known(job, graded);
      const waits = this.claimable(job, graded, known).flatMap((key) => this.pending.get(key) ?? []);
      if (waits.length === 0) break;
      await Promise.all(waits);
    }
    const known = this.known(job, graded);
    const claims = this.claimable(job, graded, known).map((key) => {
      let release!: () => void;
      this.pending.set(key, new Promise<void>((resolve) => (release = resolve)));
      return { key, release };
    });
    this.stats.exercises += graded.length;
    this.stats.reused += Object.keys(known.exercises).length;
    const complete = known.integration !== undefined && graded.every((e) => known.exercises[e.id]);
    if (complete) this.stats.studentsFromCache++;
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      for (const claim of claims) {
        this.pending.delete(claim.key);
        claim.release();
      }
    };
    return { known, complete, release };
  }

  /** The student's run, assembled from known results (after lookup said `complete`). */
  assemble(job: GradeJob, known: NonNullable<GradeJob['known']>): StudentRun {
    return {
      studentId: job.studentId,
      exercises: this.track.map((e) => known.exercises[e.id] ?? skippedRun(e.id)),
      integration: known.integration!,
    };
  }

  /** Keeps what a worker graded for this job, where it can serve another student (see above). */
  store(job: GradeJob, run: StudentRun): void {
    if (job.abandoned) return;
    // a class of distinct files would otherwise keep every result of every student
    if (this.exercises.size > RESULTS_KEPT) this.exercises.clear();
    if (this.integrations.size > RESULTS_KEPT) this.integrations.clear();
    for (const result of run.exercises) {
      const key = this.storeKey(job, result);
      if (key) this.exercises.set(key, result);
    }
    // a message says the run was stopped (time, memory) rather than finished
    if (run.integration.message === undefined) this.integrations.set(integrationKey(job, gradedExercises(this.track, job)), run.integration);
  }

  private known(job: GradeJob, graded: Exercise[]): NonNullable<GradeJob['known']> {
    const exercises: Record<string, ExerciseRun> = {};
    for (const exercise of graded) {
      const run = this.exercises.get(sharedKey(job, exercise.id)) ?? (job.hiddenInputs === 'per-class' ? this.exercises.get(classKey(job, exercise.id)) : undefined);
      if (run) exercises[exercise.id] = run;
    }
    const integration = this.integrations.get(integrationKey(job, graded));
    return { exercises, ...(integration ? { integration } : {}) };
  }

  /**
   * The keys of the results this job will produce that another job could reuse: the
   * integration run, each untouched stub and, with per-class inputs, every exercise.
   */
  private claimable(job: GradeJob, graded: Exercise[], known: NonNullable<GradeJob['known']>): string[] {
    const keys = graded
      .filter((e) => !known.exercises[e.id])
      .flatMap((e) => (this.isStub(job, e.id) ? [sharedKey(job, e.id)] : job.hiddenInputs === 'per-class' ? [classKey(job, e.id)] : []));
    return known.integration ? keys : [...keys, integrationKey(job, graded)];
  }

  private storeKey(job: GradeJob, result: ExerciseRun): string | undefined {
    if (INPUT_FREE.has(result.status) || (result.status === 'not-implemented' && this.isStub(job, result.exercise))) return sharedKey(job, result.exercise);
    if (PER_CLASS.has(result.status) && job.hiddenInputs === 'per-class') return classKey(job, result.exercise);
    return undefined;
  }

  private isStub(job: GradeJob, exerciseId: string): boolean {
    const file = job.files[exerciseId];
    return file?.status === 'ok' && this.stubs.get(exerciseId) === file.content;
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

/** A result that does not depend on the hidden inputs: one key for every student and secret. */
const sharedKey = (job: GradeJob, exerciseId: string): string => hash(['shared', fileKey(job, exerciseId)]);

/** A result under per-class inputs: the same for every student of the class (the same secret). */
const classKey = (job: GradeJob, exerciseId: string): string => hash(['class', fileKey(job, exerciseId), job.secret]);

function integrationKey(job: GradeJob, graded: Exercise[]): string {
  return hash(['integration', ...graded.map((e) => fileKey(job, e.id))]);
}

const hash = (parts: string[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

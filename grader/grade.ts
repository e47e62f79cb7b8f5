/**
 * The main job: grade every submission in a folder and write the reports.
 *
 *   submissions → intake (read into memory) → worker pool (compile, isolate, run checks)
 *   → score → per-student record and reports, written atomically as each finishes
 *   → class reports (index.html, grades.csv, results.json) at the end.
 *
 * A record is written last for each student, so it marks a finished student: --resume
 * reuses records whose inputs (kit, config, secret, submission) have not changed, --only
 * builds on the records already in the folder (a regrade), and `merge` builds one class
 * from the folders of `--shard K/N` runs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HiddenSpec } from './checks/dsl';
import { KitError } from './errors';
import { HIDDEN_SPECS } from './hidden';
import { discoverSubmissions, readSubmission, safeStudentDirName, type Submission } from './intake';
import { CATALOGUE_DIR, readCatalogue } from './misconceptions/catalogue-file';
import { KIT_ROOT, kitPath } from './paths';
import { clip } from './checks/bounded';
import { buildRecord, checkRecordSize } from './results/record';
import { removeStaleTemporaries, writeJsonAtomic, writeJsonDurable } from './results/atomic';
import { gradedWith, gradingConfigOnly, type GradedWith } from './results/graded-with';
import { readStudentRecord, recordPath } from './results/read';
import { readEarlierRecords, regradedRecord } from './results/regrade';
import { SHARD_MANIFEST_FORMAT, shardManifestPath, type ShardManifest } from './results/shard-manifest';
import type { StudentRecord } from './results/types';
import { prepareTemplates, writeClassReports, writeStudentReports } from './reports';
import { resolveReportOptions } from './reports/options';
import { gradingFailed } from './reports/summary';
import { WALL_CLOCK_FACTOR, type WorkerPool, type WorkerDeath } from './run/pool';
import type { ProgressReporter } from './run/progress';
import { type CacheStats, ResultCache } from './run/result-cache';
import { inShard, type Shard } from './run/shard';
import { type StartedWorkers, startWorkers } from './run/start-workers';
import { stepTimeoutMs, workerMemoryGrowthMb } from './run/step-limits';
import type { AbandonedStep, GradeJob, GradingStep, JobFile, StudentRun } from './run/types';
import { type GradingConfig, loadConfig } from './scoring/config';
import { round } from './scoring/score';
import { exerciseFile, findExercise, loadTrack, type Exercise } from './track';
import { kitVersion } from './version';

/** Used when no secret is given: fine for trying the kit, but anyone can predict the hidden inputs. */
export const PUBLIC_DEMO_SECRET = 'backprop-kit-public-demo-secret';

export interface GradeOptions {
  submissions: string;
  out: string;
  workers: number;
  configFile?: string;
  overrides?: { timeoutMs?: number; memoryMb?: number; typeCheck?: boolean };
  secret?: string;
  only?: string[];
  resume: boolean;
  /** grade only this share of the class (and write shard.json for `merge`) */
  shard?: Shard;
  progress: ProgressReporter;
  /** workers the command started before it loaded this module (run/start-workers.ts); closed when grading ends, like those started here */
  started?: StartedWorkers;
}

export interface GradeSummary {
  students: number;
  graded: number;
  resumed: number;
  meanScore: number;
  maxScore: number;
  failures: number;
  /** ids of the students that could not be read or graded */
  failed: string[];
  seconds: number;
  outDir: string;
  /** how many exercise results were reused from students with the same file */
  cache: CacheStats;
}

export async function gradeClass(options: GradeOptions): Promise<GradeSummary> {
  try {
    return await gradeClassWith(options);
  } finally {
    options.started?.pool.close(); // also when the run fails before it takes the workers (a bad config, say)
  }
}

async function gradeClassWith(options: GradeOptions): Promise<GradeSummary> {
  const started = performance.now();
  const track = loadTrack();
  const specs = new Map<string, HiddenSpec>(HIDDEN_SPECS.map((s) => [s.exercise, s]));
  const config = withOverrides(loadConfig(options.configFile, track, specs), options.overrides);
  const only = options.only?.map((q) => findExercise(q).id);
  const secret = options.secret ?? process.env.BACKPROP_KIT_SECRET ?? config.secret ?? PUBLIC_DEMO_SECRET;
  if (secret === PUBLIC_DEMO_SECRET) {
    options.progress.warn('no course secret given (--seed, BACKPROP_KIT_SECRET or "secret" in the config): the hidden inputs are predictable');
  }
  resolveReportOptions(config.reports); // throws on a bad readmeBaseUrl before any grading starts
  const { submissions, ignored } = await discoverSubmissions(options.submissions);
  const outDir = checkOutputFolder(options.out, options.submissions);
  removeStaleTemporaries(outDir);
  for (const entry of ignored) options.progress.warn(`skipped ${entry.name}: ${entry.reason}`);

  const mine = options.shard ? submissions.filter((s) => inShard(s.id, options.shard!)) : submissions;
  const workers = Math.max(1, Math.min(options.workers, mine.length));
  // the workers load the kit (about a second) while this process gets the run ready
  const { pool, bundleHash } = options.started ?? (await startWorkers(workers));
  pool.grow(workers);
  const records: StudentRecord[] = [];
  const cache = new ResultCache(track, handoutStubs(track));
  let graded = 0;
  let resumed = 0;
  let context: GradedWith;
  try {
    const catalogue = readCatalogue(KIT_ROOT, track);
    pool.provideKit({ track, catalogue });
    const fingerprint = kitFingerprint(bundleHash);
    context = gradedWith({ kitVersion: kitVersion(), kitFingerprint: fingerprint, config, secret, courseSecret: secret !== PUBLIC_DEMO_SECRET });
    // folder names from the whole class, so that every shard names a student's folder alike
    const dirs = studentDirs(submissions.map((s) => s.id));
    const earlier = only ? readEarlierRecords(outDir, mine.map((s) => ({ id: s.id, dir: dirs.get(s.id)! })), context) : new Map<string, StudentRecord>();
    // from here on the folder changes: it is a finished shard again only when this run writes shard.json at its end
    rmSync(shardManifestPath(outDir), { force: true });

    options.progress.start(mine.length);
    compileTemplatesAhead();
    await pool.ready();
    await forEachLimited(mine, Math.max(2, options.workers * 2), async (source) => {
      const submission = await readSubmission(source, { maxFileBytes: config.limits.maxFileKb * 1024 });
      const dir = dirs.get(source.id)!;
      const inputHash = hashInputs(fingerprint, config, secret, only, submission);
      const previous = options.resume ? readRecord(outDir, dir, source.id, inputHash) : undefined;
      const student: OneStudent = { submission, dir, inputHash, config, secret, only, track, specs, catalogue, gradedWith: context };
      const record = await settleStudent(outDir, student, previous, () => gradeOrRegrade(pool, cache, earlier.get(source.id), student), options.progress);
      records.push(record);
      if (previous) resumed++;
      else graded++;
      options.progress.studentDone(record, Boolean(previous));
    });
  } finally {
    pool.close();
    options.progress.stop();
  }

  records.sort((a, b) => (a.studentId < b.studentId ? -1 : a.studentId > b.studentId ? 1 : 0));
  const summary = writeClassReports(outDir, records, config.reports, { configFile: options.configFile });
  if (options.shard) {
    const manifest: ShardManifest = {
      format: SHARD_MANIFEST_FORMAT,
      shard: options.shard,
      gradedWith: context,
      ...(options.configFile ? { configFile: options.configFile } : {}),
      ...(only ? { only } : {}),
      reports: config.reports ?? {},
      students: records.map((r) => ({ id: r.studentId, dir: r.dir })),
    };
    writeJsonAtomic(shardManifestPath(outDir), manifest);
  }
  return {
    students: records.length,
    graded,
    resumed,
    meanScore: round(summary.meanScore),
    maxScore: summary.maxScore,
    failures: summary.failures,
    failed: records.filter(gradingFailed).map((r) => r.studentId),
    seconds: (performance.now() - started) / 1000,
    outDir,
    cache: cache.stats,
  };
}

interface OneStudent {
  submission: Submission;
  dir: string;
  inputHash: string;
  config: GradingConfig;
  secret: string;
  only: string[] | undefined;
  track: Exercise[];
  specs: Map<string, HiddenSpec>;
  catalogue: ReturnType<typeof readCatalogue>;
  gradedWith: GradedWith;
}

/**
 * With --only and an earlier record of the same submission, a regrade: the named exercises
 * graded again, the others kept. A submission that changed since is graded in full (its
 * earlier results describe files it no longer has), and its feedback says so.
 */
async function gradeOrRegrade(pool: WorkerPool, cache: ResultCache, earlier: StudentRecord | undefined, s: OneStudent): Promise<StudentRecord> {
  if (!earlier || !s.only) return gradeOne(pool, cache, s);
  if (earlier.submission.contentHash !== s.submission.contentHash) {
    s.submission.notes.push('your submission changed since it was last graded, so every exercise was graded again');
    return gradeOne(pool, cache, { ...s, only: undefined });
  }
  return regradedRecord(earlier, await gradeOne(pool, cache, s), s.only);
}

/**
 * Grades (or resumes) one student and writes their reports, then their record. A failure
 * while grading, building or writing this student's results is this student's: they get
 * a record that says they were not graded and why, and the run goes on to the class reports.
 */
async function settleStudent(outDir: string, s: OneStudent, previous: StudentRecord | undefined, grade: () => Promise<StudentRecord>, progress: ProgressReporter): Promise<StudentRecord> {
  const started = performance.now();
  const write = async (record: StudentRecord, fresh: boolean): Promise<StudentRecord> => {
    checkRecordSize(record);
    // reports first, the record last: a record on disk means this student is complete
    writeStudentReports(outDir, record, s.config.reports);
    if (fresh) await writeJsonDurable(recordPath(outDir, s.dir), record);
    return record;
  };
  try {
    return await write(previous ?? (await grade()), !previous);
  } catch (error) {
    const reason = clip(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    const failed = notGradedRecord(s, `the results of this submission could not be stored (${reason})`, performance.now() - started);
    try {
      return await write(failed, true);
    } catch (again) {
      progress.warn(`could not write the reports of ${s.submission.id}: ${clip(again instanceof Error ? again.message : String(again))}`);
      return failed;
    }
  }
}

/** The record of a student the grader could not finish: every exercise `crashed`, no points, and why. */
function notGradedRecord(s: OneStudent, graderError: string, gradingMs: number): StudentRecord {
  const run: StudentRun = {
    studentId: s.submission.id,
    exercises: s.track.map((e) => ({ exercise: e.id, status: 'crashed', message: 'the grader could not finish this submission', problems: [], checks: [], output: '' })),
    integration: { quantities: [], message: 'not run' },
  };
  return buildRecord({ ...s, run, gradingMs, graderError });
}

/**
 * Grades one student: what earlier students' identical files already settled comes from the
 * cache, the rest from a worker. If a worker dies in an exercise (or the integration run), that
 * step gets its verdict (out-of-memory, crashed, timeout) and the student is graded again
 * without it; if it dies while compiling, the student is graded again without type checking (a
 * type checker that does not finish); any other failure is retried once, then once more
 * without type checking. A retry grades everything afresh, and its results are not cached.
 */
async function gradeOne(pool: WorkerPool, cache: ResultCache, s: OneStudent): Promise<StudentRecord> {
  const started = performance.now();
  const first: GradeJob = {
    studentId: s.submission.id,
    files: jobFiles(s.submission, s.track),
    secret: s.secret,
    hiddenInputs: s.config.hiddenInputs,
    ...(s.only ? { only: s.only } : {}),
    limits: { timeoutMs: s.config.limits.timeoutMs, memoryMb: s.config.limits.memoryMb },
    typeCheck: s.config.typeCheck,
    typeErrors: s.config.typeErrors,
  };
  const { known, complete, release } = await cache.lookup(first);
  try {
    if (complete) return buildRecord({ ...s, run: cache.assemble(first, known), gradingMs: performance.now() - started });
    return await gradeWithWorker(pool, cache, s, { ...first, known }, started);
  } finally {
    release();
  }
}

/** gradeOne's work for the results the cache does not have: a worker, retries, and the cache filled. */
async function gradeWithWorker(pool: WorkerPool, cache: ResultCache, s: OneStudent, first: GradeJob, started: number): Promise<StudentRecord> {
  let job = first;
  const retry = (change: Partial<GradeJob>): GradeJob => {
    const { known: _known, ...rest } = job;
    return { ...rest, ...change };
  };
  const errors: string[] = [];
  let retried = false;
  for (;;) {
    const outcome = await pool.run(job);
    if (outcome.ok) {
      if (job.typeCheck !== s.config.typeCheck) s.submission.notes.push('graded without type checking: the type checker did not finish on this submission');
      if (job.known) cache.store(job, outcome.run);
      return buildRecord({ ...s, run: outcome.run, gradingMs: performance.now() - started });
    }
    errors.push(outcome.error);
    const step = outcome.death?.step;
    if (outcome.death && step !== undefined && step !== 'compile' && !job.abandoned?.[step]) {
      job = retry({ abandoned: { ...job.abandoned, [step]: abandonedVerdict(outcome.death, job) } });
    } else if (step === 'compile' && job.typeCheck) {
      job = retry({ typeCheck: false });
    } else if (!retried) {
      retried = true;
      job = retry({});
    } else if (job.typeCheck) {
      job = retry({ typeCheck: false });
    } else break;
  }
  return notGradedRecord(s, clip(errors.at(-1) ?? 'unknown error'), performance.now() - started);
}

/** The report templates, compiled while the workers start rather than after the first student (about 0.1 s). */
function compileTemplatesAhead(): void {
  try {
    prepareTemplates();
  } catch {
    // a template that does not compile fails when a student's reports are written, and is reported there
  }
}

/** The verdict of a step whose code brought its grading worker down. */
function abandonedVerdict(death: WorkerDeath, job: GradeJob): AbandonedStep {
  if (death.cause === 'watchdog') {
    const cpuSeconds = stepTimeoutMs(job, death.step!) / 1000;
    return {
      status: 'timeout',
      limitHit: 'time',
      message: `time limit of ${job.limits.timeoutMs} ms reached: the grading process had to be stopped (the step ran past ${cpuSeconds} s of CPU time, or hung for ${WALL_CLOCK_FACTOR * cpuSeconds} s)`,
    };
  }
  if (death.cause === 'memory') {
    return {
      status: 'out-of-memory',
      limitHit: 'memory',
      message: `memory limit of ${job.limits.memoryMb} MiB reached: the code grew its grading process to ${death.rssMb} MiB (more than ${workerMemoryGrowthMb(job.limits.memoryMb)} MiB over what it held when the exercise began), so the process was stopped`,
    };
  }
  if (death.outOfMemory) {
    return { status: 'out-of-memory', limitHit: 'memory', message: `memory limit of ${job.limits.memoryMb} MiB reached: the code asked for so much memory at once that its grading process stopped` };
  }
  return { status: 'crashed', message: `the code stopped its grading process (${death.how})` };
}

/** The handout's stubs, by exercise id: a student's untouched stub is graded once for the class. */
function handoutStubs(track: Exercise[]): Map<string, string> {
  return new Map(track.flatMap((e) => {
    const file = exerciseFile(kitPath('exercises'), e);
    return existsSync(file) ? [[e.id, readFileSync(file, 'utf8')] as [string, string]] : [];
  }));
}

function jobFiles(submission: Submission, track: Exercise[]): Record<string, JobFile> {
  return Object.fromEntries(
    track.map((e): [string, JobFile] => {
      const file = submission.exercises[e.id];
      if (submission.fatal) return [e.id, { status: 'unreadable', message: submission.fatal.message }];
      if (!file || file.status === 'missing') return [e.id, { status: 'missing' }];
      if (file.status === 'unreadable') return [e.id, { status: 'unreadable', message: file.message, path: file.path }];
      return [e.id, { status: 'ok', content: file.content, path: file.path }];
    }),
  );
}

function withOverrides(config: GradingConfig, overrides: GradeOptions['overrides'] = {}): GradingConfig {
  return {
    ...config,
    limits: { ...config.limits, ...(overrides.timeoutMs ? { timeoutMs: overrides.timeoutMs } : {}), ...(overrides.memoryMb ? { memoryMb: overrides.memoryMb } : {}) },
    ...(overrides.typeCheck === false ? { typeCheck: false } : {}),
  };
}

/** The output folder must not be (inside) the submissions folder: a grading run never changes submissions. */
function checkOutputFolder(out: string, submissions: string): string {
  const outDir = path.resolve(out);
  const submissionsDir = realpathSync(path.resolve(submissions));
  const outReal = existsSync(outDir) ? realpathSync(outDir) : outDir;
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    throw new KitError('OUTPUT_UNSAFE', `the output path ${outDir} exists and is not a folder`, 'Choose another --out folder.');
  }
  const relative = path.relative(submissionsDir, outReal);
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
    throw new KitError('OUTPUT_UNSAFE', `the output folder ${outDir} is inside the submissions folder ${submissionsDir}`, 'Write the reports elsewhere, e.g. --out reports');
  }
  return outDir;
}

/**
 * One report folder per student, never shared. safeStudentDirName keeps a safe id as it is and
 * gives any other a cleaned name with a hash, which a student can choose as their own id; so ids
 * that keep their name are served first, and a clash (compared without case, for file systems
 * that ignore it) gets a counter. The same ids always get the same folders.
 */
export function studentDirs(ids: string[]): Map<string, string> {
  const dirs = new Map<string, string>();
  const taken = new Set<string>();
  const wanted = ids.map((id) => ({ id, dir: safeStudentDirName(id) }));
  const ordered = [...wanted.filter((w) => w.dir === w.id), ...wanted.filter((w) => w.dir !== w.id)];
  for (const { id, dir } of ordered) {
    let candidate = dir;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${dir}-${n}`;
    taken.add(candidate.toLowerCase());
    dirs.set(id, candidate);
  }
  return dirs;
}

/** A previous record, if it is complete, is this student's and was made from exactly these inputs. */
function readRecord(outDir: string, dir: string, studentId: string, inputHash: string): StudentRecord | undefined {
  const record = readStudentRecord(outDir, dir, studentId);
  return record?.inputHash === inputHash ? record : undefined;
}

function hashInputs(fingerprint: string, config: GradingConfig, secret: string, only: string[] | undefined, submission: Submission): string {
  // what decides a grade: not the secret itself (its hash is below), not how reports look
  const grading = gradingConfigOnly(config);
  return createHash('sha256')
    .update(JSON.stringify({ fingerprint, grading, secret: createHash('sha256').update(secret).digest('hex'), only: only ?? null, submission: submission.contentHash, fatal: submission.fatal ?? null }))
    .digest('hex');
}

/** Everything of the kit that decides a grade: the worker bundle (grader code, hidden specs) and the files it reads. */
function kitFingerprint(bundleHash: string): string {
  const hash = createHash('sha256').update(bundleHash);
  const files = (dir: string): string[] =>
    readdirSync(path.join(KIT_ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => path.join(d.parentPath, d.name))
      .sort();
  for (const file of [...files('solutions'), ...files(path.join('exercises', 'shared')), ...files(CATALOGUE_DIR)]) {
    hash.update(path.relative(KIT_ROOT, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  });
  await Promise.all(lanes);
}

export const defaultWorkers = (): number => Math.max(1, Math.min(os.availableParallelism(), 8));

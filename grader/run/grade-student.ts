/**
 * Grades one student: for each exercise, compile the student's file, then run the
 * exercise's hidden checks in a sandbox where every other step is the reference
 * solution, so a mistake costs points in its own exercise only. Finally run the worked
 * example through the student's own modules wired together (the integration run).
 */
import { Rng } from '../checks/rng';
import { gatedOrder, gateReason } from '../checks/gate';
import { runCheck, SandboxAbort } from '../checks/runner';
import type { CheckOutcome } from '../checks/outcome';
import type { HiddenSpec } from '../checks/dsl';
import type { CompiledFile, Compiler } from '../compile/compiler';
import type { MisconceptionDetector } from '../misconceptions/detect';
import type { ModuleCode, SandboxLimits, StudentSandbox } from '../sandbox/sandbox';
import type { Exercise } from '../track';
import { runIntegration } from './integration';
import type { ExerciseRun, GradeJob, GradingStep, JobFile, StudentRun } from './types';

export interface GradingKit {
  track: Exercise[];
  /** a sandbox for these limits, shared by the students a worker grades */
  sandbox(limits: SandboxLimits): StudentSandbox;
  compiler: Compiler;
  /** reference solutions and shared files, by module id */
  kitModules: Map<string, ModuleCode>;
  specs: Map<string, HiddenSpec>;
  detector: MisconceptionDetector;
}

/**
 * `onStep` is told as each step starts ('compile', each exercise id, 'integration'): if the
 * code of a step brings the worker down, the main process knows which step to blame.
 */
export function gradeStudent(job: GradeJob, kit: GradingKit, onStep: (step: GradingStep) => void = () => {}): StudentRun {
  const sandbox = kit.sandbox(job.limits);
  try {
    onStep('compile');
    const graded = gradedExercises(kit.track, job);
    const known = job.known?.exercises ?? {};
    const integrationAbandoned = job.abandoned?.integration;
    const integrationNeeded = !integrationAbandoned && !job.known?.integration;
    // the integration run needs every file compiled; otherwise only the exercises still to run
    const sources = graded.flatMap((exercise) => {
      const file = job.files[exercise.id];
      const needed = integrationNeeded || !known[exercise.id];
      return file?.status === 'ok' && needed ? [{ exercise, source: file.content }] : [];
    });
    // compiled together: one type checker for all of this student's files
    const compiledFiles = kit.compiler.compileMany(sources, { typeCheck: job.typeCheck });
    const compiledById = new Map(sources.map((s, i) => [s.exercise.id, compiledFiles[i]]));
    const compiled = new Map<string, CompiledFile>();
    const exercises = kit.track.map((exercise) => {
      if (!graded.includes(exercise)) return skippedRun(exercise.id);
      const abandoned = job.abandoned?.[exercise.id];
      if (abandoned) return { exercise: exercise.id, ...abandoned, problems: [], checks: [], output: '' };
      // a result known from another student stands; its file is compiled only for the integration run
      const knownRun = known[exercise.id];
      if (knownRun && !integrationNeeded) return knownRun;
      const file = job.files[exercise.id] ?? { status: 'missing' };
      const result = checkCompiled(exercise, file, compiledById.get(exercise.id), job);
      if ('compiled' in result) compiled.set(exercise.id, result.compiled);
      if (knownRun) return knownRun;
      if ('run' in result) return result.run;
      onStep(exercise.id);
      return runChecks(kit, sandbox, exercise, result.compiled, job);
    });
    if (integrationNeeded) onStep('integration');
    const integration = integrationAbandoned
      ? { quantities: [], message: `the integration run was stopped: ${integrationAbandoned.message}` }
      : (job.known?.integration ?? runIntegration(kit, sandbox, compiled));
    return { studentId: job.studentId, exercises, integration };
  } finally {
    sandbox.studentDone();
  }
}

/** The exercises a job grades, in track order (all of them unless --only). */
export function gradedExercises(track: Exercise[], job: Pick<GradeJob, 'only'>): Exercise[] {
  return track.filter((e) => !job.only || job.only.includes(e.id));
}

/** What seeds a student's hidden inputs, besides the exercise and the check. */
export function hiddenInputSeed(job: Pick<GradeJob, 'secret' | 'studentId' | 'hiddenInputs'>): string[] {
  return job.hiddenInputs === 'per-student' ? [job.secret, job.studentId] : [job.secret];
}

export function skippedRun(exercise: string): ExerciseRun {
  return { exercise, status: 'skipped', message: 'not graded in this run (--only)', problems: [], checks: [], output: '' };
}

/** Either the compiled file, or the run that ends the exercise before any check (missing, syntax error, …). */
function checkCompiled(exercise: Exercise, file: JobFile, compiled: CompiledFile | undefined, job: GradeJob): { compiled: CompiledFile } | { run: ExerciseRun } {
  const stop = (status: ExerciseRun['status'], message: string, problems: ExerciseRun['problems'] = []) => ({
    run: { exercise: exercise.id, status, message, problems, checks: [], output: '' },
  });
  if (file.status === 'missing') return stop('missing', `exercises/${exercise.id}/${exercise.file} was not found in the submission`);
  if (file.status === 'unreadable' || !compiled) return stop('unreadable', file.status === 'unreadable' ? file.message : 'not compiled');
  const first = (kind: string) => compiled.problems.find((p) => p.kind === kind);
  if (first('syntax')) return stop('syntax-error', `${exercise.file} has a syntax error, so it cannot run`, compiled.problems);
  if (first('import')) return stop('import-error', `${exercise.file} imports something graded code may not use`, compiled.problems);
  const typeProblem = first('type') ?? first('signature');
  if (typeProblem && job.typeErrors === 'fail') return stop('type-error', `${exercise.file} does not type-check`, compiled.problems);
  return { compiled };
}

function runChecks(kit: GradingKit, sandbox: StudentSandbox, exercise: Exercise, compiled: CompiledFile, job: GradeJob): ExerciseRun {
  const spec = kit.specs.get(exercise.id);
  const outcomes = new Map<string, CheckOutcome>();
  const valueOutcomes: CheckOutcome[] = [];
  /** property checks held back until their functions' values are right (checks/gate.ts) */
  const gated = new Set<string>();
  let loadError: string | undefined;
  const modules = modulesFor(kit, { id: exercise.id, js: compiled.js ?? '', imports: compiled.imports });
  const { output, abort } = sandbox.withExercise(exercise.id, modules, (session) => {
    // a run may be repeated (the sandbox's wall-clock slack): each starts from scratch
    outcomes.clear();
    valueOutcomes.length = 0;
    gated.clear();
    loadError = undefined;
    const loaded = session.load(exercise.id);
    if (!loaded.ok) {
      loadError = `${exercise.file} failed as it loaded: ${loaded.error.name}: ${loaded.error.message}`;
      return;
    }
    for (const check of gatedOrder(spec?.checks ?? [])) {
      const held = gateReason(check, valueOutcomes);
      if (held) {
        gated.add(check.name);
        outcomes.set(check.name, notRun(check.name, held));
        continue;
      }
      const rng = Rng.fromSeed(...hiddenInputSeed(job), exercise.id, check.name);
      try {
        const outcome = runCheck(check, session.subject, rng);
        outcomes.set(check.name, outcome);
        if (!check.property) valueOutcomes.push(outcome);
      } catch (error) {
        if (error instanceof SandboxAbort) outcomes.set(check.name, abortedCheck(check.name, error));
        throw error;
      }
    }
  });

  const checks = (spec?.checks ?? []).map(
    (check) => outcomes.get(check.name) ?? notRun(check.name, abort ? 'the exercise was stopped before this check' : (loadError ?? 'not run')),
  );
  for (const outcome of checks) {
    if (!outcome.failure) continue;
    if (outcome.status === 'failed') outcome.failure.misconceptions = kit.detector.detect(exercise.id, outcome.failure.calls);
    // the calls served detection; the reports need only the failing input, already described
    outcome.failure.calls = [];
  }
  const base = { exercise: exercise.id, problems: compiled.problems, checks, output };
  if (abort) {
    const status = abort.kind === 'timeout' ? 'timeout' : abort.kind === 'memory' ? 'out-of-memory' : 'crashed';
    return { ...base, status, message: abort.message, ...(abort.kind === 'crash' ? {} : { limitHit: abort.kind === 'timeout' ? 'time' : 'memory' }) };
  }
  if (loadError) return { ...base, status: 'crashed', message: loadError };
  const ran = checks.filter((c) => !gated.has(c.name));
  const status = ran.length > 0 && ran.every((c) => c.status === 'not-implemented') ? 'not-implemented' : 'graded';
  return { ...base, status };
}

/**
 * The graded module and what it can load: what it imports (reference solutions of earlier
 * steps, shared files), with everything those import in turn (each step's dependsOn).
 */
export function modulesFor(kit: Pick<GradingKit, 'track' | 'kitModules'>, graded: ModuleCode & { imports: string[] }): ModuleCode[] {
  const needed = new Set<string>();
  const add = (id: string): void => {
    if (needed.has(id) || id === graded.id) return;
    needed.add(id);
    for (const dep of kit.track.find((e) => e.id === id)?.dependsOn ?? []) add(dep);
  };
  graded.imports.forEach(add);
  return [...[...needed].sort().map((id) => kit.kitModules.get(id)!), graded];
}

function abortedCheck(name: string, abort: SandboxAbort): CheckOutcome {
  return { name, status: 'error', fraction: 0, trials: { passed: 0, total: 1 }, failure: { message: abort.message, calls: [] } };
}

function notRun(name: string, reason: string): CheckOutcome {
  return { name, status: 'not-run', fraction: 0, trials: { passed: 0, total: 0 }, failure: { message: reason, calls: [] } };
}

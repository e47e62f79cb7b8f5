/**
 * The instructor's check of the kit itself (`backprop-kit verify`), in the spirit of
 * rustlings' `dev check`: the stubs are in sync with the solutions, every exercise has
 * a README, hints and a TODO in its stub, the solutions pass every public and hidden
 * spec, and the untouched stubs fail every one of them as "not implemented".
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Project } from 'ts-morph';
import { Rng } from './checks/rng';
import { runCheck } from './checks/runner';
import { kitModules, readKitSources } from './compile/kit-sources';
import { HIDDEN_SPECS } from './hidden';
import { HostModules } from './sandbox/host-modules';
import { readHints } from './student/hints';
import { editedWorkError, stubsState } from './stubs';
import { stubbedFunctions } from './transforms/make-stub';
import { exerciseFile, loadTrack } from './track';
import { KIT_ROOT, kitPath } from './paths';
import { allowedImport } from './compile/imports';

export interface VerifyItem {
  name: string;
  ok: boolean;
  detail?: string;
}

export function verifyStubsInSync(root: string = KIT_ROOT): VerifyItem {
  const { stale, edited } = stubsState(undefined, root);
  const name = 'stubs are generated from the solutions (backprop-kit stubs --check)';
  if (edited.length > 0) return { name, ok: false, detail: `${editedWorkError(edited).message}. ${editedWorkError(edited).nextStep}` };
  if (stale.length > 0) return { name, ok: false, detail: `out of date: ${stale.map((s) => s.file).join(', ')} (no work in them: backprop-kit stubs regenerates them)` };
  return { name, ok: true };
}

/** README, hints, a TODO and the not-implemented throw in every stubbed function, a public spec, declared dependencies. */
export function verifyExerciseFiles(): VerifyItem[] {
  const project = new Project({ useInMemoryFileSystem: true });
  const track = loadTrack();
  return track.flatMap((exercise) => {
    const dir = kitPath('exercises', exercise.id);
    const stubText = readFileSync(exerciseFile(kitPath('exercises'), exercise), 'utf8');
    const stubbed = stubbedFunctions(project.createSourceFile(`/stub/${exercise.file}`, stubText, { overwrite: true }));
    const solution = project.createSourceFile(`/solution/${exercise.file}`, readFileSync(exerciseFile(kitPath('solutions'), exercise), 'utf8'), { overwrite: true });
    const imported = solution
      .getImportDeclarations()
      .filter((d) => !d.isTypeOnly())
      .map((d) => allowedImport(d.getModuleSpecifierValue(), exercise, track))
      .filter((id): id is string => id !== undefined && !id.startsWith('shared/'))
      .sort();
    const hints = existsSync(path.join(dir, 'hints.md')) ? readHints(KIT_ROOT, exercise) : [];
    const readme = path.join(dir, 'README.md');
    const specFile = path.join(dir, exercise.file.replace(/\.ts$/, '.spec.ts'));
    const missing = exercise.functions.filter((fn) => !stubbed.includes(fn));
    return [
      { name: `${exercise.id}: README.md`, ok: existsSync(readme) && readFileSync(readme, 'utf8').trim().length > 200 },
      { name: `${exercise.id}: hints`, ok: hints.length > 0, ...(hints.length ? {} : { detail: 'hints.md needs "## Hint 1"' }) },
      { name: `${exercise.id}: stub has a TODO and throws NotImplementedError in every function`, ok: stubText.includes('TODO') && missing.length === 0, ...(missing.length ? { detail: `not stubbed: ${missing.join(', ')}` } : {}) },
      { name: `${exercise.id}: public spec`, ok: existsSync(specFile) },
      { name: `${exercise.id}: imports exactly the steps in dependsOn`, ok: JSON.stringify(imported) === JSON.stringify([...exercise.dependsOn].sort()), detail: `imports [${imported.join(', ')}], track.json says [${exercise.dependsOn.join(', ')}]` },
    ].map((item) => (item.ok ? { name: item.name, ok: true } : item));
  });
}

/** Runs the public specs with vitest in a child process and reads its JSON report. */
function runPublicSpecs(args: string[]): { file: string; status: string; message: string }[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-verify-'));
  const report = path.join(dir, 'report.json');
  try {
    try {
      execFileSync(process.execPath, [kitPath('node_modules', 'vitest', 'vitest.mjs'), 'run', ...args, '--reporter=json', `--outputFile=${report}`], { cwd: KIT_ROOT, stdio: 'ignore' });
    } catch {
      // vitest exits non-zero when tests fail; the report says which
    }
    if (!existsSync(report)) throw new Error('vitest wrote no report');
    const json = JSON.parse(readFileSync(report, 'utf8')) as { testResults: { name: string; assertionResults: { status: string; failureMessages: string[] }[] }[] };
    return json.testResults.flatMap((f) => f.assertionResults.map((a) => ({ file: path.relative(KIT_ROOT, f.name), status: a.status, message: a.failureMessages[0] ?? '' })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function verifyPublicSpecs(): VerifyItem[] {
  const onSolutions = runPublicSpecs(['--config', 'test/vitest.config.ts', '--project', 'solutions']);
  const onStubs = runPublicSpecs(['--config', 'vitest.config.ts']);
  const failedOnSolutions = onSolutions.filter((t) => t.status !== 'passed');
  const notFailingAsTodo = onStubs.filter((t) => t.status !== 'failed' || !t.message.startsWith('NotImplementedError'));
  return [
    { name: `the solutions pass all ${onSolutions.length} public specs`, ok: onSolutions.length > 0 && failedOnSolutions.length === 0, ...(failedOnSolutions.length ? { detail: failedOnSolutions.map((t) => `${t.file}: ${t.message.split('\n')[0]}`).join('; ') } : {}) },
    { name: `the stubs fail all ${onStubs.length} public specs as not implemented`, ok: onStubs.length === onSolutions.length && notFailingAsTodo.length === 0, ...(notFailingAsTodo.length ? { detail: notFailingAsTodo.map((t) => `${t.file}: ${t.status}`).join('; ') } : {}) },
  ];
}

export function verifyHiddenSpecs(): VerifyItem[] {
  const track = loadTrack();
  const sources = readKitSources(KIT_ROOT, track);
  const references = new HostModules(kitModules(sources, track));
  const stubSources = { ...sources, references: new Map(track.map((e) => [e.id, readFileSync(exerciseFile(kitPath('exercises'), e), 'utf8')])) };
  const stubs = new HostModules(kitModules(stubSources, track));
  const count = HIDDEN_SPECS.reduce((n, s) => n + s.checks.length, 0);
  const failures: string[] = [];
  const notTodo: string[] = [];
  for (const spec of HIDDEN_SPECS) {
    for (const check of spec.checks) {
      const onSolution = runCheck(check, references.subject(spec.exercise), Rng.fromSeed('verify', spec.exercise, check.name));
      if (onSolution.status !== 'passed') failures.push(`${spec.exercise} › ${check.name}: ${onSolution.failure?.message}`);
      const onStub = runCheck(check, stubs.subject(spec.exercise), Rng.fromSeed('verify', spec.exercise, check.name));
      if (onStub.status !== 'not-implemented') notTodo.push(`${spec.exercise} › ${check.name}: ${onStub.status}`);
    }
  }
  return [
    { name: `hidden specs cover all ${track.length} exercises`, ok: HIDDEN_SPECS.map((s) => s.exercise).join() === track.map((e) => e.id).join() },
    { name: `the solutions pass all ${count} hidden checks`, ok: failures.length === 0, ...(failures.length ? { detail: failures.join('; ') } : {}) },
    { name: `the stubs fail all ${count} hidden checks as not implemented`, ok: notTodo.length === 0, ...(notTodo.length ? { detail: notTodo.join('; ') } : {}) },
  ];
}

export function runVerify(options: { publicSpecs: boolean } = { publicSpecs: true }): VerifyItem[] {
  return [verifyStubsInSync(), ...verifyExerciseFiles(), ...verifyHiddenSpecs(), ...(options.publicSpecs ? verifyPublicSpecs() : [])];
}

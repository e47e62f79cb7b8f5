/**
 * Runs public spec files in this process with vitest's own test runner (@vitest/runner,
 * the engine under `vitest run`), without vitest's workers, bundler or reporters: a
 * quick, quiet answer for `progress`. The specs import `describe`/`it`/`expect` from
 * vitest as usual; TypeScript is loaded by tsx's loader, registered here when first needed
 * (the kit's command line runs from a JavaScript build, with no loader of its own).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { File, Task, VitestRunner, VitestRunnerConfig } from '@vitest/runner';

export interface SpecTestResult {
  /** the test's name, with its describe blocks: `03 sigmoid > sigmoid(0) = 1/2 …` */
  name: string;
  state: 'passed' | 'failed' | 'skipped';
  /** the first error of a failed test, as the runner serialised it (own properties kept) */
  error?: { name?: string; message: string } & Record<string, unknown>;
}

const CONFIG: VitestRunnerConfig = {
  root: process.cwd(),
  setupFiles: [],
  name: undefined,
  passWithNoTests: true,
  testNamePattern: undefined,
  allowOnly: true,
  sequence: { seed: 0, hooks: 'stack', setupFiles: 'list' },
  chaiConfig: undefined,
  maxConcurrency: 5,
  // the training loop's spec runs a few hundred steps; a student's infinite loop is not caught either way
  testTimeout: 30_000,
  hookTimeout: 30_000,
  retry: 0,
  includeTaskLocation: false,
  tags: [],
  tagsFilter: undefined,
  strictTags: false,
};

/** Runs the given spec files (absolute paths) and returns each file's tests, in order. */
export async function runSpecFiles(files: string[]): Promise<Map<string, SpecTestResult[]>> {
  await typeScriptLoader();
  const { startTests } = await import('@vitest/runner');
  const runner: VitestRunner = {
    config: CONFIG,
    importFile: async (file) => {
      await import(pathToFileURL(file).href);
    },
  };
  const results = await startTests(files, runner);
  return new Map(results.map((file: File) => [path.resolve(file.filepath), testsOf(file, [])]));
}

let loaderRegistered: Promise<void> | undefined;

/** tsx's loader, once per process (a second registration where one is already on is harmless). */
function typeScriptLoader(): Promise<void> {
  loaderRegistered ??= import('tsx/esm/api').then(({ register }) => void register());
  return loaderRegistered;
}

function testsOf(task: Task, names: string[]): SpecTestResult[] {
  if (task.type === 'suite') {
    const inside = task.file === task ? names : [...names, task.name];
    const tests = task.tasks.flatMap((t) => testsOf(t, inside));
    // a file that fails to load (a syntax error, a missing export) has no tests: one failure stands for it
    const fileError = task.result?.errors?.[0];
    return tests.length === 0 && fileError ? [{ name: task.name, state: 'failed', error: fileError as SpecTestResult['error'] }] : tests;
  }
  const state = task.result?.state === 'pass' ? 'passed' : task.result?.state === 'fail' ? 'failed' : 'skipped';
  const error = task.result?.errors?.[0] as SpecTestResult['error'] | undefined;
  return [{ name: [...names, task.name].join(' > '), state, ...(error ? { error } : {}) }];
}

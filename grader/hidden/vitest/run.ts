/** Starts vitest on the hidden specs (hidden-specs.config.ts) in a child process and returns its exit code. */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { KitError } from '../../errors';
import { KIT_ROOT } from '../../paths';
import { existingDir } from '../../student/trace-command';
import { gradedFolder, hasExerciseFolders, IMPL_ENV } from './graded-folder';

export const HIDDEN_SPECS_CONFIG = path.join('grader', 'hidden', 'vitest', 'hidden-specs.config.ts');

export interface HiddenSpecsOptions {
  impl?: string;
  seed?: string;
  watch?: boolean;
  ui?: boolean;
  /** passed on to vitest */
  extra?: string[];
}

/** vitest's arguments for these options: `run` unless watching or in the UI. */
export function vitestArgs(options: HiddenSpecsOptions): string[] {
  const mode = options.ui ? ['--ui'] : options.watch ? ['--watch'] : ['run'];
  return [...mode, '--config', path.join(KIT_ROOT, HIDDEN_SPECS_CONFIG), ...(options.extra ?? [])];
}

export function runHiddenSpecs(options: HiddenSpecsOptions): number {
  const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  const impl = options.impl ? existingDir(options.impl) : undefined;
  if (impl && !hasExerciseFolders(gradedFolder({ [IMPL_ENV]: impl }))) {
    throw new KitError('IMPL_NOT_FOUND', `${options.impl} has no exercise folders (NN-name/)`, 'Pass the folder that holds the NN-name/ exercise folders (or a project with exercises/).');
  }
  const env = {
    ...process.env,
    ...(impl ? { [IMPL_ENV]: impl } : {}),
    ...(options.seed ? { BACKPROP_KIT_SECRET: options.seed } : {}),
  };
  const result = spawnSync(process.execPath, [vitest, ...vitestArgs(options)], { cwd: KIT_ROOT, env, stdio: 'inherit' });
  return result.status ?? 1;
}

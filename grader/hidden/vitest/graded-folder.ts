/**
 * Where the vitest runner of the hidden specs finds the code it checks: BACKPROP_KIT_IMPL
 * (a student's exercises folder, or a project holding one), else the reference solutions.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { KIT_ROOT } from '../../paths.ts';

export const IMPL_ENV = 'BACKPROP_KIT_IMPL';

/** The folder holding the NN-name/ exercise folders to check. */
export function gradedFolder(env: NodeJS.ProcessEnv = process.env): string {
  const dir = path.resolve(KIT_ROOT, env[IMPL_ENV] ?? 'solutions');
  return !hasExerciseFolders(dir) && hasExerciseFolders(path.join(dir, 'exercises')) ? path.join(dir, 'exercises') : dir;
}

export const hasExerciseFolders = (dir: string): boolean => existsSync(dir) && readdirSync(dir).some((name) => /^\d\d-/.test(name));

/**
 * The kit's reference solutions and shared files, compiled for the sandbox, kept between
 * runs: compiling them is about 0.2 s of every worker's start, and a run of one submission
 * (a Gradescope run) waits for it. A worker may not write (the permission model), so a worker
 * that compiled them sends them to the main process with its first message, before it has
 * run any student's code, and the main process stores them (WorkerPool). The file's name is a
 * hash of everything the output depends on: the compiler's version, its options and every
 * source (kitModulesKey, in kit-sources.ts), so a changed kit never meets an old file. This
 * module does not load the compiler: the main process reads it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { kitCacheFolder } from '../paths';
import type { ModuleCode } from '../sandbox/module-code';
import { writeFileAtomic } from '../results/atomic';

const KEY = /^[0-9a-f]{64}$/;

/** Where the compiled modules of a kit whose sources hash to `key` are kept (beside the builds of bin/build-cache.js). */
export function kitModulesFile(kitRoot: string, key: string): string {
  if (!KEY.test(key)) throw new Error(`not a kit modules key: ${key.slice(0, 80)}`);
  return path.join(kitCacheFolder(kitRoot), `kit-modules-${key}.json`);
}

/** The modules kept for `key`, or undefined (none kept, or a file that is not what it should be). */
export function readKitModules(kitRoot: string, key: string): Map<string, ModuleCode> | undefined {
  try {
    const modules = JSON.parse(readFileSync(kitModulesFile(kitRoot, key), 'utf8')) as unknown;
    if (!Array.isArray(modules) || !modules.every(isModuleCode)) return undefined;
    return new Map(modules.map((m: ModuleCode) => [m.id, { id: m.id, js: m.js, kit: true }]));
  } catch {
    return undefined;
  }
}

/** Keeps the modules a worker compiled (called by the main process; a cache that cannot be written is no error). */
export function storeKitModules(kitRoot: string, key: string, modules: unknown): void {
  if (!Array.isArray(modules) || !modules.every(isModuleCode)) return;
  try {
    writeFileAtomic(kitModulesFile(kitRoot, key), JSON.stringify(modules.map((m) => ({ id: m.id, js: m.js }))));
  } catch {
    // a read-only install: each worker compiles them, as it would without the cache
  }
}

function isModuleCode(value: unknown): value is ModuleCode {
  const m = value as ModuleCode;
  return typeof m === 'object' && m !== null && typeof m.id === 'string' && typeof m.js === 'string';
}

/**
 * V8's code cache of the TypeScript compiler, which grading workers load it with
 * (bin/typescript-code-cache.cjs). A worker may not write, so a worker that found none makes
 * it and sends it with its first message, `ready`, before it is given any student's code; the
 * main process writes it (pool.ts). It is made as soon as the compiler is loaded: a cache made
 * after a first compile also held the code a compile runs, and the first check was 60 ms
 * shorter, but workers started from it graded a class of 300 about 15 % slower (paired runs).
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Script } from 'node:vm';
import { kitCacheFolder } from '../paths';
import { writeFileAtomic } from '../results/atomic';

/** What bin/typescript-code-cache.cjs leaves for the worker. */
interface Preloaded {
  script: Script;
  /** the cache's file name */
  name: string;
  /** whether V8 took a kept cache */
  used: boolean;
}

export interface TypescriptCache {
  name: string;
  data: Uint8Array;
}

const STATE = Symbol.for('backprop-kit.typescript-code-cache');
const NAME = /^typescript-[0-9a-f]{16}\.v8cache$/;
/** Caches kept (the newest): one per Node version, set of flags and TypeScript version in use. */
const KEPT = 4;
/** Far above the 4 MB it takes: anything larger is not a cache of the compiler. */
const MAX_BYTES = 64 * 1024 * 1024;

/** In a worker, before any student's code: the cache to keep, if this worker loaded TypeScript without a usable one. */
export function typescriptCacheToKeep(): TypescriptCache | undefined {
  const state = globalThis as Record<symbol, Preloaded | undefined>;
  const preloaded = state[STATE];
  // the script would keep its source and compiled code alive for as long as the worker runs
  delete state[STATE];
  if (!preloaded || preloaded.used) return undefined;
  return { name: preloaded.name, data: preloaded.script.createCachedData() };
}

/** In the main process: writes the cache a worker sent with its first message, if it is one. */
export function storeTypescriptCache(kitRoot: string, cache: unknown): void {
  const { name, data } = (cache ?? {}) as Partial<TypescriptCache>;
  if (typeof name !== 'string' || !NAME.test(name) || !(data instanceof Uint8Array) || data.byteLength > MAX_BYTES) return;
  const folder = kitCacheFolder(kitRoot);
  try {
    writeFileAtomic(path.join(folder, name), data);
    forgetOldCaches(folder);
  } catch {
    // a read-only install: each worker compiles TypeScript, as it would without the cache
  }
}

/**
 * Keeps the KEPT newest caches: each Node version, set of flags and TypeScript version has one
 * (4 MB). A worker reading a file removed here reads it whole or not at all (and then compiles).
 */
function forgetOldCaches(folder: string): void {
  const caches = readdirSync(folder)
    .filter((name) => NAME.test(name))
    .map((name) => ({ name, time: statSync(path.join(folder, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.time - a.time);
  for (const old of caches.slice(KEPT)) rmSync(path.join(folder, old.name), { force: true });
}

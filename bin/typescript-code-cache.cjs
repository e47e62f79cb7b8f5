/**
 * Run first in every grading worker (bin/worker-preload.cjs, see grader/run/pool.ts): loads the
 * TypeScript compiler that ts-morph uses with V8's code cache of it, instead of compiling its
 * 9 MB of JavaScript afresh. A run of one submission, which waits for its worker's start, then
 * took 1.81 s instead of 2.02 s (median of 10 paired runs).
 *
 * Node's own compile cache turns itself off in a process that may not write, and a worker may
 * not (the permission model). So a worker that found no usable cache makes one, before it is
 * given any student's code, and hands it to the main process, which writes it
 * (grader/run/typescript-cache.ts). V8 refuses data made by another version or with
 * other flags; the file's name also holds the Node version, the flags and the compiler file's
 * size and time. When anything here fails, ts-morph loads TypeScript itself, as without this file.
 *
 * Plain CommonJS: it runs before the worker's bundle.
 */
'use strict';
const { createHash } = require('node:crypto');
const { readFileSync, statSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

/** Where a worker finds what this file loaded (the script, to make a cache of; whether a cache was used). */
const STATE = Symbol.for('backprop-kit.typescript-code-cache');
const NAME = /^typescript-[0-9a-f]{16}\.v8cache$/;

/** The TypeScript file ts-morph loads, resolved as ts-morph resolves it. */
function typescriptFile(kitRoot) {
  const kitRequire = Module.createRequire(path.join(kitRoot, 'package.json'));
  const common = kitRequire.resolve('@ts-morph/common', { paths: [path.dirname(kitRequire.resolve('ts-morph'))] });
  return path.join(path.dirname(common), 'typescript.js');
}

/**
 * The cache's file name for `file` as it is now, under this Node with these flags (V8 refuses
 * data made with other flags: a worker started otherwise keeps a cache of its own).
 */
function cacheName(file) {
  const { size, mtimeMs } = statSync(file);
  const key = [process.version, process.arch, process.execArgv, process.env.NODE_OPTIONS ?? '', file, size, mtimeMs];
  return `typescript-${createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 16)}.v8cache`;
}

/**
 * Runs `file` as CommonJS from a script compiled with `cachedData` (if any) and puts it in
 * require's cache, so that `require(file)` returns it. Returns the script and whether V8 took the data.
 */
function loadCommonJs(file, cachedData) {
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const loaded = new Module(file, null);
  loaded.filename = file;
  loaded.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(loaded.exports, loaded.exports, Module.createRequire(file), loaded, file, path.dirname(file));
  loaded.loaded = true;
  require.cache[file] = loaded;
  return { script, used: cachedData !== undefined && !script.cachedDataRejected };
}

/** In a worker: TypeScript from the cache kept in `cacheDir` (or compiled, if there is none). */
function preload(kitRoot, cacheDir) {
  const file = typescriptFile(kitRoot);
  const name = cacheName(file);
  let cachedData;
  try {
    cachedData = readFileSync(path.join(cacheDir, name));
  } catch {
    // none kept yet: this worker makes one
  }
  const { script, used } = loadCommonJs(file, cachedData);
  globalThis[STATE] = { script, name, used };
}

module.exports = { STATE, NAME, typescriptFile, cacheName, loadCommonJs, preload };

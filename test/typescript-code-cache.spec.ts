/**
 * V8's code cache of the TypeScript compiler (bin/typescript-code-cache.cjs,
 * grader/run/typescript-cache.ts): a cache made in one process is taken by a worker-like
 * process that may not write, the compiler then gives the same answers, a file that is not
 * such a cache is refused (TypeScript is compiled as without it), and the main process keeps
 * only what has a cache's name and type.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { KIT_ROOT, kitCacheFolder } from '../grader/paths';
import { permissionFlags, WORKER_V8_FLAGS } from '../grader/run/pool';
import { storeTypescriptCache, typescriptCacheToKeep } from '../grader/run/typescript-cache';

const LIBRARY = path.join(KIT_ROOT, 'bin', 'typescript-code-cache.cjs');
const { NAME, STATE, cacheName, typescriptFile } = createRequire(import.meta.url)(LIBRARY) as {
  NAME: RegExp;
  STATE: symbol;
  cacheName(file: string): string;
  typescriptFile(kitRoot: string): string;
};

/** Loads TypeScript as a worker does (with `cachedData` from `cacheFile`, if given; making a cache into MAKE_CACHE), type-checks a file with one error, and reports. */
const PROBE = `
const { readFileSync, writeFileSync } = require('node:fs');
const { loadCommonJs, typescriptFile } = require(process.env.LIBRARY);
const file = typescriptFile(process.env.KIT_ROOT);
const cacheFile = process.env.CACHE_FILE;
const { script, used } = loadCommonJs(file, cacheFile ? readFileSync(cacheFile) : undefined);
// as a worker does: once the compiler is loaded, before it compiles anything
if (process.env.MAKE_CACHE) writeFileSync(process.env.MAKE_CACHE, script.createCachedData());
const { Project, ts } = require(require.resolve('ts-morph', { paths: [process.env.KIT_ROOT] }));
const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { strict: true, lib: ['lib.es2022.d.ts'], types: [] } });
project.createSourceFile('/a.ts', 'export const n: number = [1, 2].map((v) => v * 2).at(0) ?? 0;\\nexport const s: string = 3;');
const diagnostics = project.getPreEmitDiagnostics().map((d) => d.getMessageText());
process.stdout.write(JSON.stringify({ used, rejected: script.cachedDataRejected ?? null, sameModule: ts.createProgram === require(file).createProgram, version: ts.version, diagnostics }));
`;

function probe(env: Record<string, string>, { readOnly = false } = {}): { used: boolean; rejected: boolean | null; sameModule: boolean; version: string; diagnostics: string[] } {
  const folder = env.CACHE_FILE ? path.dirname(env.CACHE_FILE) : os.tmpdir();
  const flags = readOnly ? [...permissionFlags(KIT_ROOT, path.join(folder, 'x')), ...WORKER_V8_FLAGS] : WORKER_V8_FLAGS;
  const child = spawnSync(process.execPath, [...flags, '-e', PROBE], { env: { ...process.env, LIBRARY, KIT_ROOT, ...env }, encoding: 'utf8' });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout);
}

const tempDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-ts-cache-'));

describe('the code cache of the TypeScript compiler', () => {
  it('is made once the compiler is loaded, taken by a process that may not write, and changes no answer of the compiler', () => {
    const cacheFile = path.join(tempDir(), 'typescript.v8cache');
    const made = probe({ MAKE_CACHE: cacheFile });
    expect(made.used).toBe(false);
    // ts-morph's `ts` is the module loaded from the script, not a second copy
    expect(made.sameModule).toBe(true);
    expect(made.diagnostics).toHaveLength(1);
    expect(made.diagnostics[0]).toContain("Type 'number' is not assignable to type 'string'");
    const taken = probe({ CACHE_FILE: cacheFile }, { readOnly: true });
    expect(taken).toEqual({ ...made, used: true, rejected: false });
  });

  it('is refused when the file is not a cache of that compiler (truncated, or other bytes): TypeScript is compiled as without it', () => {
    const folder = tempDir();
    const cacheFile = path.join(folder, 'typescript.v8cache');
    probe({ MAKE_CACHE: cacheFile });
    const whole = readFileSync(cacheFile);
    for (const [name, bytes] of [
      ['truncated', whole.subarray(0, whole.length >> 1)],
      ['other bytes', Buffer.alloc(whole.length, 7)],
    ] as const) {
      const bad = path.join(folder, `${name.replace(' ', '-')}.v8cache`);
      writeFileSync(bad, bytes);
      const result = probe({ CACHE_FILE: bad }, { readOnly: true });
      expect(result, name).toMatchObject({ used: false, rejected: true, sameModule: true });
      expect(result.diagnostics, name).toHaveLength(1);
    }
  });

  it('is named by the Node version, the flags and the compiler file', () => {
    const name = cacheName(typescriptFile(KIT_ROOT));
    expect(name).toMatch(NAME);
    expect(cacheName(typescriptFile(KIT_ROOT))).toBe(name);
    const saved = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${saved ?? ''} --max-semi-space-size=4`;
    try {
      expect(cacheName(typescriptFile(KIT_ROOT))).not.toBe(name);
    } finally {
      if (saved === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved;
    }
  });
});

describe('a worker and the main process', () => {
  it('a worker makes a cache only when it loaded the compiler without a usable one, and lets go of the script', () => {
    const state = globalThis as Record<symbol, unknown>;
    try {
      delete state[STATE];
      expect(typescriptCacheToKeep()).toBeUndefined();
      state[STATE] = { script: new Script('1 + 1'), name: 'typescript-0123456789abcdef.v8cache', used: true };
      expect(typescriptCacheToKeep()).toBeUndefined();
      expect(state[STATE]).toBeUndefined();
      state[STATE] = { script: new Script('1 + 1'), name: 'typescript-0123456789abcdef.v8cache', used: false };
      const kept = typescriptCacheToKeep();
      expect(kept?.name).toBe('typescript-0123456789abcdef.v8cache');
      expect(kept?.data.byteLength).toBeGreaterThan(0);
      expect(state[STATE]).toBeUndefined();
    } finally {
      delete state[STATE];
    }
  });

  it('the main process writes what has a cache’s name and bytes, and nothing else', () => {
    const root = tempDir();
    const folder = kitCacheFolder(root);
    const data = new Uint8Array([1, 2, 3]);
    storeTypescriptCache(root, { name: 'typescript-0123456789abcdef.v8cache', data });
    expect(readFileSync(path.join(folder, 'typescript-0123456789abcdef.v8cache'))).toEqual(Buffer.from(data));
    for (const bad of [
      { name: '../typescript-0123456789abcdef.v8cache', data },
      { name: 'typescript-0123456789abcdeg.v8cache', data },
      { name: 'kit-modules-0123456789abcdef.json', data },
      { name: 'typescript-fedcba9876543210.v8cache', data: 'not bytes' },
      { name: 'typescript-fedcba9876543210.v8cache', data: new Uint8Array(64 * 1024 * 1024 + 1) },
      null,
    ]) {
      storeTypescriptCache(root, bad);
    }
    expect(readdirSync(folder)).toEqual(['typescript-0123456789abcdef.v8cache']);
    expect(existsSync(path.join(root, 'node_modules', '.cache', 'typescript-0123456789abcdef.v8cache'))).toBe(false);
  });

  it('the main process writes a cache under the name a worker gives it', () => {
    const root = tempDir();
    const name = cacheName(typescriptFile(KIT_ROOT));
    storeTypescriptCache(root, { name, data: new Uint8Array([1]) });
    expect(readdirSync(kitCacheFolder(root))).toEqual([name]);
  });

  it('the main process keeps the four newest caches (one per Node version, flags and compiler), and removes the others', () => {
    const root = tempDir();
    const folder = kitCacheFolder(root);
    const names = [1, 2, 3, 4, 5, 6].map((i) => `typescript-${String(i).repeat(16)}.v8cache`);
    names.forEach((name, i) => {
      storeTypescriptCache(root, { name, data: new Uint8Array([i]) });
      // the files' times one second apart, oldest first, whatever the file system's resolution
      utimesSync(path.join(folder, name), 1_000_000 + i, 1_000_000 + i);
    });
    storeTypescriptCache(root, { name: names[5], data: new Uint8Array([5]) });
    writeFileSync(path.join(folder, 'kit-modules-x.json'), '[]');
    storeTypescriptCache(root, { name: names[5], data: new Uint8Array([5]) });
    expect(readdirSync(folder).sort()).toEqual(['kit-modules-x.json', ...names.slice(2)].sort());
  });
});

/**
 * The JavaScript builds the command line and the grading workers run (bin/build-cache.js):
 * reused while their sources are unchanged, made again as soon as one changes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freshBuild } from '../bin/build-cache.js';
import { KIT_ROOT } from '../grader/paths';
import { bundleWorker } from '../grader/run/bundle';

const root = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const write = (file: string, text: string): void => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
  // older than any build below: a file changed while it was built is never recorded as fresh
  const past = new Date(Date.now() - 60_000 - text.length * 1000);
  utimesSync(path.join(root, file), past, past);
};
const spec = { name: 'demo', entry: 'src/main.ts', splitting: true, packagesExternal: true };
const run = async (file: string): Promise<unknown> => ((await import(`${pathToFileURL(file).href}?${Math.random()}`)) as { answer(): Promise<unknown> }).answer();

describe('fresh builds', () => {
  it('builds once, reuses the build while the sources are unchanged, and builds again when one changes', async () => {
    write('src/main.ts', "export async function answer(): Promise<number> { const { value } = await import('./value'); return value * 2; }\n");
    write('src/value.ts', 'export const value: number = 21;\n');
    const first = await freshBuild(root, spec);
    expect(first.built).toBe(true);
    expect(await run(first.file)).toBe(42);

    const again = await freshBuild(root, spec);
    expect(again).toEqual({ ...first, built: false });

    // a module loaded lazily (its own chunk) counts as a source too
    write('src/value.ts', 'export const value: number = 50;\n');
    const changed = await freshBuild(root, spec);
    expect(changed.built).toBe(true);
    expect(changed.hash).not.toBe(first.hash);
    expect(await run(changed.file)).toBe(100);
  });

  it('does not trust a build made for another entry point or other options', async () => {
    write('src/other.ts', 'export async function answer(): Promise<string> { return "other"; }\n');
    const first = await freshBuild(root, { ...spec, entry: 'src/other.ts' });
    expect(first.built).toBe(true);
    expect(await run(first.file)).toBe('other');
    expect((await freshBuild(root, { ...spec, entry: 'src/other.ts', splitting: false })).built).toBe(true);
  });

  it('fails with esbuild’s message when a source does not compile (the command line then falls back to tsx)', async () => {
    write('src/broken.ts', 'export const = ;\n');
    await expect(freshBuild(root, { ...spec, entry: 'src/broken.ts' })).rejects.toThrow(/Expected/);
  });
});

describe('the grading worker’s bundle', () => {
  it('loads the compiler and the sandbox, but not the schema library: the main process checks the track and catalogue it sends', async () => {
    const { file } = await bundleWorker(KIT_ROOT);
    const imported = [...readFileSync(file, 'utf8').matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imported).toContain('ts-morph');
    expect(imported).toContain('isolated-vm');
    expect(imported).not.toContain('zod');
  });
});

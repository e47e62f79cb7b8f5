/**
 * The handout's package-lock.json, cut from the kit's: the cutting rules on a small
 * in-memory lock, then the real thing — `npm ci --offline` in a fresh handout installs
 * from the packages the kit's own `npm ci` brought (CI runs this on Node 24 and on 22).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { handoutInstall } from '../grader/handout';
import { type Lockfile, pruneLockfile } from '../grader/lockfile';
import { kitPath } from '../grader/paths';
import { runCli } from './helpers/cli';

const lock = (packages: Lockfile['packages']): Lockfile => ({ name: 'kit', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'kit' }, ...packages } });

describe('pruneLockfile', () => {
  const kit = lock({
    'node_modules/a': { version: '1.0.0', dependencies: { b: '^2' }, dev: true },
    'node_modules/a/node_modules/b': { version: '2.0.0' },
    'node_modules/b': { version: '1.0.0' },
    'node_modules/native': { version: '1.0.0', optionalDependencies: { 'native-linux': '1', 'native-darwin': '1' } },
    'node_modules/native-linux': { version: '1.0.0', optional: true },
    'node_modules/unused': { version: '1.0.0' },
    'node_modules/types': { version: '1.0.0', dev: true },
  });

  it('keeps what the manifest reaches, resolving nested copies the way Node does', () => {
    const pruned = pruneLockfile(kit, { name: 'h', version: '1.0.0', dependencies: { a: '1', native: '1' } });
    expect(Object.keys(pruned.packages).sort()).toEqual(['', 'node_modules/a', 'node_modules/a/node_modules/b', 'node_modules/native', 'node_modules/native-linux']);
    expect(pruned.packages['']).toMatchObject({ name: 'h', version: '1.0.0', dependencies: { a: '1', native: '1' } });
  });

  it('works out the dev and optional flags for the handout, not the kit', () => {
    const pruned = pruneLockfile(kit, { name: 'h', version: '1.0.0', dependencies: { a: '1', native: '1' }, devDependencies: { types: '1' } });
    expect(pruned.packages['node_modules/a']!.dev).toBeUndefined();
    expect(pruned.packages['node_modules/types']!.dev).toBe(true);
    expect(pruned.packages['node_modules/native-linux']!.optional).toBe(true);
    expect(pruned.packages['node_modules/native']!.optional).toBeUndefined();
  });

  it('refuses a dependency the kit does not have installed', () => {
    expect(() => pruneLockfile(kit, { name: 'h', version: '1.0.0', dependencies: { missing: '1' } })).toThrow(/missing .* not in the kit's package-lock.json/);
  });
});

describe("the kit's own lock", () => {
  const kitLock = JSON.parse(readFileSync(kitPath('package-lock.json'), 'utf8')) as Lockfile;
  const kitManifest = JSON.parse(readFileSync(kitPath('package.json'), 'utf8')) as { allowScripts: Record<string, boolean> };

  it('reviews every install script it runs (npm allowScripts)', () => {
    const withScripts = Object.entries(kitLock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([at]) => at.slice(at.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => !(name in kitManifest.allowScripts))).toEqual([]);
  });

  it('holds every package the handout needs, and the handout reviews the install scripts it keeps', () => {
    const { manifest, lock } = handoutInstall();
    const pruned = pruneLockfile(kitLock, manifest);
    expect(lock).toEqual(pruned);
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })) expect(pruned.packages[`node_modules/${name}`], name).toBeDefined();
    expect(Object.keys(pruned.packages).length).toBeLessThan(Object.keys(kitLock.packages).length);
    expect(manifest.allowScripts).toEqual({ esbuild: true });
  });
});

describe('a fresh handout', () => {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-lock-'));
  const handout = path.join(temp, 'course');
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it(`installs with npm ci from the packages the kit installed, on this Node (${process.version})`, () => {
    const built = runCli(['handout', '--out', handout]);
    expect(built.status, built.stderr).toBe(0);
    const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` };
    const install = spawnSync('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: handout, env, encoding: 'utf8', timeout: 180_000 });
    expect(install.status, `${install.stdout}\n${install.stderr}`).toBe(0);
    expect(install.stderr).not.toMatch(/install scripts|EBADENGINE/i);
    for (const bin of ['vitest/vitest.mjs', 'typescript/bin/tsc', 'tsx/dist/cli.mjs']) expect(existsSync(path.join(handout, 'node_modules', bin)), bin).toBe(true);
    const hint = runCli(['hint', '02'], { cwd: handout, bin: path.join(handout, 'tools', 'backprop-kit.js') });
    expect(hint.status, hint.stderr).toBe(0);
    expect(hint.stdout).toContain('02-relu — hint 1 of 3');
  }, 240_000);
});

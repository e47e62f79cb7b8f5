/**
 * The Node lines the kit supports (24 and 22.12+): npm refuses any other before installing,
 * and both command lines (the kit's and the handout's) refuse it in one line, not a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kitPath } from '../grader/paths';

/** Runs a command-line entry as if on another Node version (process.version is replaced before it loads). */
function runAsNode(version: string, entry: string, args: string[]) {
  const pretend = `data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"${version}"}});Object.defineProperty(process,"version",{value:"v${version}"})`;
  return spawnSync(process.execPath, ['--import', pretend, entry, ...args], { encoding: 'utf8', timeout: 60_000 });
}

describe('supported Node versions', () => {
  it('package.json accepts Node 22.12+ and 24, and .npmrc makes npm refuse any other', () => {
    const manifest = JSON.parse(readFileSync(kitPath('package.json'), 'utf8')) as { engines: { node: string } };
    expect(manifest.engines.node).toBe('^22.12.0 || ^24');
    expect(readFileSync(kitPath('.npmrc'), 'utf8')).toMatch(/^engine-strict=true$/m);
  });

  for (const [name, entry, args] of [
    ['backprop-kit', kitPath('bin', 'backprop-kit.js'), ['--help']],
    ["the handout's tools", kitPath('templates', 'handout', 'backprop-kit.js'), ['progress']],
  ] as const) {
    it(`${name} refuses Node 20 and 22.11 in one line, and exits 1`, () => {
      for (const version of ['20.20.2', '22.11.0']) {
        const run = runAsNode(version, entry, [...args]);
        expect(run.status).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining(`needs Node.js 24 or 22.12+ (this is v${version})`)]);
      }
    });
  }

  it('backprop-kit runs on this Node', () => {
    const run = spawnSync(process.execPath, [kitPath('bin', 'backprop-kit.js'), '--help'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Usage: backprop-kit');
  });
});

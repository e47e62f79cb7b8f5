/** The command line as a user meets it: trace, hints, stubs, errors, and the public specs on the stubs. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXACT } from '../exercises/shared/exact';
import { FLOAT_TOLERANCE, findMismatch } from '../exercises/shared/expect-close';
import { kitPath } from '../grader/paths';
import { TRACE_KEYS } from '../grader/student/trace';
import { verifyPublicSpecs } from '../grader/verify';
import { runCli } from './helpers/cli';

const temp = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('backprop-kit trace', () => {
  it('--json on the reference solutions gives every exact worked-example value, keyed in the article’s names', () => {
    const result = runCli(['trace', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const trace = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(trace)).toEqual(TRACE_KEYS);
    for (const key of TRACE_KEYS) {
      expect(findMismatch(trace[key], EXACT[key], key, FLOAT_TOLERANCE)?.message).toBeUndefined();
    }
  });

  it('prints a readable table with every quantity exact', () => {
    const result = runCli(['trace']);
    expect(result.status, result.stderr).toBe(0);
    for (const key of TRACE_KEYS) expect(result.stdout).toMatch(new RegExp(`^${key} .*✓`, 'm'));
    expect(result.stdout).toContain('26/26 quantities exact.');
  });

  it('--impl with the untouched stubs shows every step as not implemented, without crashing', () => {
    const result = runCli(['trace', '--impl', 'exercises']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.match(/TODO {2}not implemented yet/g)).toHaveLength(26);
    const json = JSON.parse(runCli(['trace', '--json', '--impl', 'exercises']).stdout) as Record<string, unknown>;
    expect(Object.values(json).every((v) => v === null)).toBe(true);
  });

  it('--impl with one wrong step marks only that step’s rows', () => {
    const dir = path.join(temp, 'impl');
    cpSync(kitPath('solutions'), dir, { recursive: true });
    cpSync(kitPath('grader/misconceptions/catalogue/softmax-without-max-shift/softmax.ts'), path.join(dir, '04-softmax', 'softmax.ts'));
    const sigmoid = path.join(dir, '03-sigmoid', 'sigmoid.ts');
    cpSync(kitPath('exercises/03-sigmoid/sigmoid.ts'), sigmoid);
    const result = runCli(['trace', '--impl', dir]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^h2_out +03 sigmoid +TODO/m);
    expect(result.stdout).toMatch(/^O_out +04 softmax +✓/m); // the worked example's logits are small
    expect(result.stdout).toContain('25/26 quantities exact.');
  });
});

describe('backprop-kit hint', () => {
  it('reveals the hints one at a time, then keeps showing the last', () => {
    const course = path.join(temp, 'course');
    cpSync(kitPath('exercises'), path.join(course, 'exercises'), { recursive: true });
    const shown = [1, 2, 3, 4].map(() => runCli(['hint', 'softmax', '--dir', course]).stdout.split('\n')[0]);
    expect(shown).toEqual(['04-softmax — hint 1 of 3', '04-softmax — hint 2 of 3', '04-softmax — hint 3 of 3', '04-softmax — hint 3 of 3']);
    runCli(['hint', '4', '--reset', '--dir', course]);
    expect(runCli(['hint', '04-softmax', '--dir', course]).stdout.split('\n')[0]).toBe('04-softmax — hint 1 of 3');
  });
});

describe('errors name the problem and the next step', () => {
  it('an unknown exercise', () => {
    const result = runCli(['hint', 'nonsense']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('There is no exercise "nonsense"');
    expect(result.stderr).toContain('next: Choose one of: 01-linear-forward');
  });

  it('an unknown command or a bad option value is a usage error (exit 2)', () => {
    expect(runCli(['frobnicate']).status).toBe(2);
    const bad = runCli(['grade', '--workers', 'many']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--workers must be a positive whole number');
  });

  it('a missing --impl folder', () => {
    const result = runCli(['trace', '--impl', path.join(temp, 'nowhere')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/does not exist.*\n.*next:/);
  });
});

describe('stubs and public specs', () => {
  it('backprop-kit stubs --check passes', () => {
    const result = runCli(['stubs', '--check']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('in sync');
  });

  it('the solutions pass every public spec, and the untouched stubs fail every one as not implemented', () => {
    const items = verifyPublicSpecs();
    for (const item of items) expect(item.ok, `${item.name}: ${item.detail ?? ''}`).toBe(true);
  });
});

/** The command line as a user meets it: trace, hints, stubs, errors, and the public specs on the stubs. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FLOAT_TOLERANCE, findMismatch } from '../exercises/shared/expect-close';
import { kitPath } from '../grader/paths';
import { EXPECTED, TRACE_KEYS } from '../grader/student/trace';
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
      expect(findMismatch(trace[key], EXPECTED[key], key, FLOAT_TOLERANCE)?.message).toBeUndefined();
    }
  });

  it('prints a readable table with every quantity exact, in both views', () => {
    const result = runCli(['trace']);
    expect(result.status, result.stderr).toBe(0);
    for (const key of TRACE_KEYS) expect(result.stdout.match(new RegExp(`^${key} .*✓`, 'gm')), key).toHaveLength(2);
    expect(result.stdout.match(/28\/28 quantities exact\./g)).toHaveLength(2);
    expect(result.stdout).toContain('No divergence');
  });

  it('--impl with the untouched stubs shows every step as not implemented, without crashing', () => {
    const result = runCli(['trace', '--impl', 'exercises', '--view', 'isolated']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.match(/TODO {2}not implemented yet/g)).toHaveLength(28);
    const json = JSON.parse(runCli(['trace', '--json', '--impl', 'exercises']).stdout) as Record<string, unknown>;
    expect(Object.values(json).every((v) => v === null)).toBe(true);
  });

  it('--impl with one wrong step marks only that step’s rows', () => {
    const dir = path.join(temp, 'impl');
    cpSync(kitPath('solutions'), dir, { recursive: true });
    cpSync(kitPath('grader/misconceptions/catalogue/softmax-without-max-shift/softmax.ts'), path.join(dir, '04-softmax', 'softmax.ts'));
    const sigmoid = path.join(dir, '03-sigmoid', 'sigmoid.ts');
    cpSync(kitPath('exercises/03-sigmoid/sigmoid.ts'), sigmoid);
    const result = runCli(['trace', '--impl', dir, '--view', 'isolated']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^h2_out +03 sigmoid +TODO/m);
    expect(result.stdout).toMatch(/^sigmoid_derivative_h2_in +03 sigmoidDerivative +TODO/m);
    expect(result.stdout).toMatch(/^O_out +04 softmax +✓/m); // the worked example's logits are small
    expect(result.stdout).toContain('26/28 quantities exact.');
  });

  it('--impl with σ′ computed from the input: ✗ on the σ′ row in both views, exercise 03 named as the first divergence, no grader notes', () => {
    const dir = path.join(temp, 'sigmoid-from-input');
    // a whole submission, so the intake would have notes to make: the exercise folders at its top, and other files
    cpSync(kitPath('solutions'), dir, { recursive: true });
    cpSync(kitPath('grader/misconceptions/catalogue/sigmoid-derivative-input-as-output/sigmoid.ts'), path.join(dir, '03-sigmoid', 'sigmoid.ts'));
    writeFileSync(path.join(dir, 'notes.txt'), 'my notes');
    const result = runCli(['trace', '--impl', dir]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.match(/^sigmoid_derivative_h2_in +03 sigmoidDerivative +✗/gm)).toHaveLength(2);
    expect(result.stdout).toContain('First divergence: sigmoid_derivative_h2_in is wrong. It was computed by sigmoidDerivative of exercise 03-sigmoid');
    expect(result.stdout).not.toMatch(/computed with|other files|were at the top/);

    const page = path.join(temp, 'flow.html');
    const html = runCli(['trace', '--impl', dir, '--html', page]);
    expect(html.status, html.stderr).toBe(0);
    expect(html.stdout).toContain(`Wrote ${page}: open it in a browser.`);
    const written = readFileSync(page, 'utf8');
    expect(written.match(/class="first-divergence"/g)).toHaveLength(3);
    expect(written).not.toMatch(/<script|https?:/);
  });

  it('--html into a folder that does not exist: a clear error', () => {
    const result = runCli(['trace', '--html', path.join(temp, 'nowhere', 'flow.html')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/could not write .*flow\.html.*\[TRACE_HTML_FAILED\]\n {2}next: /);
  });

  it('--view takes only the views there are (a usage error otherwise)', () => {
    const result = runCli(['trace', '--view', 'sideways']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Allowed choices are isolated, cascade, both');
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

  it('grade with a submissions folder that does not exist: a clear error, and the worker it started first is stopped (else the command would not end)', () => {
    const result = runCli(['grade', path.join(temp, 'no-class'), '--out', path.join(temp, 'no-class-out')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/The submissions folder .*no-class does not exist\..*\n\s*next:/);
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

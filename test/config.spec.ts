/** The grading config: shipped default, validation messages that name the bad entry and the fix, points shared by weight. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KitError } from '../grader/errors';
import { HIDDEN_SPECS } from '../grader/hidden';
import { kitPath } from '../grader/paths';
import { checkPoints, loadConfig, parseConfig } from '../grader/scoring/config';
import { loadTrack } from '../grader/track';
import { runCli } from './helpers/cli';

const track = loadTrack();
const specs = new Map(HIDDEN_SPECS.map((s) => [s.exercise, s]));
const dir = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const failure = (raw: unknown): KitError => {
  try {
    parseConfig(raw, 'test.json', track, specs);
  } catch (error) {
    if (error instanceof KitError) return error;
    throw error;
  }
  throw new Error('expected the config to be rejected');
};

describe('grading config', () => {
  it('the shipped default config is valid and gives 10 points per exercise', () => {
    const config = loadConfig(kitPath('grader', 'config', 'default.json'), track, specs);
    for (const exercise of track) {
      const total = [...checkPoints(config, exercise.id, specs.get(exercise.id)).values()].reduce((s, p) => s + p, 0);
      expect(total, exercise.id).toBeCloseTo(10, 9);
    }
  });

  it('shares an exercise’s points by the checks’ weights, with overrides from the config', () => {
    const spec = specs.get('04-softmax')!;
    const [first, second] = spec.checks;
    const config = parseConfig({ exercises: { '04-softmax': { points: 20, checks: { [first.name]: 0, [second.name]: 3 } } } }, 'test', track, specs);
    const points = checkPoints(config, '04-softmax', spec);
    expect(points.get(first.name)).toBe(0);
    const others = spec.checks.slice(2).reduce((s, c) => s + (c.weight ?? 1), 0);
    expect(points.get(second.name)).toBeCloseTo((20 * 3) / (3 + others), 9);
  });

  it('names an unknown exercise and lists the real ones', () => {
    const error = failure({ exercises: { '99-nothing': { points: 1 } } });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('exercises.99-nothing is not an exercise');
    expect(error.nextStep).toContain('01-linear-forward');
  });

  it('names an unknown hidden check and lists the exercise’s checks', () => {
    const error = failure({ exercises: { '02-relu': { checks: { 'a check that does not exist': 1 } } } });
    expect(error.message).toContain('"a check that does not exist", which is not a hidden check of 02-relu');
    expect(error.nextStep).toContain(JSON.stringify(specs.get('02-relu')!.checks[0].name));
  });

  it('rejects bad values and unknown fields with the path of the problem', () => {
    expect(failure({ limits: { timeoutMs: -5 } }).message).toMatch(/limits\.timeoutMs/);
    expect(failure({ defaultPoints: 'ten' }).message).toMatch(/defaultPoints/);
    expect(failure({ pointz: 3 }).message).toMatch(/pointz/);
    expect(failure({ typeErrors: 'maybe' }).message).toMatch(/typeErrors/);
  });

  it('the grade command reports a broken config file and exits 1 without grading', () => {
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{ "limits": { "timeoutMs": 10 }, }');
    const result = runCli(['grade', '--config', broken, '--out', path.join(dir, 'out')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('is not valid JSON');
    expect(result.stderr).toContain('next:');
    const missing = runCli(['grade', '--config', path.join(dir, 'nope.json'), '--out', path.join(dir, 'out')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('cannot read the config file');
    const badUrl = path.join(dir, 'bad-url.json');
    writeFileSync(badUrl, JSON.stringify({ reports: { readmeBaseUrl: 'javascript:alert(1)' } }));
    const unsafe = runCli(['grade', '--config', badUrl, '--out', path.join(dir, 'out')]);
    expect(unsafe.status).toBe(1);
    expect(unsafe.stderr).toContain('must start with https:// or http://');
  });
});

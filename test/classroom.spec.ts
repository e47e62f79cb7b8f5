/**
 * The GitHub Classroom workflow of `backprop-kit handout --classroom`: it parses as YAML
 * (the yaml package), has one autograding-command-grader step per exercise with the config's
 * points, a reporter that receives every step's result under the name it reads, and every
 * step's command runs in the handout (the kit's node_modules linked in, as in
 * handout.spec.ts): it fails on the untouched stub and passes once the exercise is solved.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { kitPath } from '../grader/paths';
import { loadTrack } from '../grader/track';
import { runCli } from './helpers/cli';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  with?: Record<string, string | number>;
  env?: Record<string, string>;
}
interface Workflow {
  on: string[];
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

const track = loadTrack();
const temp = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-classroom-'));
const handout = path.join(temp, 'course');
const GRADER = 'classroom-resources/autograding-command-grader@v1';
let workflow: Workflow;

beforeAll(() => {
  const config = path.join(temp, 'course.json');
  writeFileSync(config, JSON.stringify({ defaultPoints: 5, exercises: { '04-softmax': { points: 12 } } }));
  const built = runCli(['handout', '--out', handout, '--classroom', '--config', config]);
  expect(built.status, built.stderr).toBe(0);
  symlinkSync(kitPath('node_modules'), path.join(handout, 'node_modules'), 'dir');
  workflow = parse(readFileSync(path.join(handout, '.github', 'workflows', 'classroom.yml'), 'utf8')) as Workflow;
}, 120_000);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const steps = (): Step[] => Object.values(workflow.jobs)[0]!.steps;
const graderSteps = (): Step[] => steps().filter((s) => s.uses === GRADER);

/** Runs a step's command as the command grader does: a shell in the repository, exit 0 passes. */
function runStep(command: string): Promise<{ status: number | null; output: string }> {
  const child = spawn('sh', ['-c', command], { cwd: handout, env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`, NO_COLOR: '1' } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, output })));
}

describe('backprop-kit handout --classroom', () => {
  it('writes a workflow that runs on every push, with the permissions the reporter needs', () => {
    expect(workflow.on).toContain('push');
    expect(workflow.permissions).toEqual({ checks: 'write', actions: 'read', contents: 'read' });
    expect(steps()[0]!.uses).toMatch(/^actions\/checkout@/);
    expect(steps().find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe('24');
  });

  it('has one command-grader step per exercise, in the track’s order, with the config’s points', () => {
    expect(graderSteps().map((s) => s.with!['test-name'])).toEqual(track.map((e) => `${e.id.slice(0, 2)} ${e.title}`));
    expect(graderSteps().map((s) => s.with!['max-score'])).toEqual(track.map((e) => (e.id === '04-softmax' ? 12 : 5)));
    for (const step of graderSteps()) {
      expect(step.id).toMatch(/^[a-z0-9-]+$/);
      expect(step.with!.timeout).toBeGreaterThan(0);
    }
    expect(graderSteps()[0]!.with!['setup-command']).toBe('npm ci');
  });

  it('ends with the reporter, given every step’s result under <ID>_RESULTS', () => {
    const reporter = steps().at(-1)!;
    expect(reporter.uses).toBe('classroom-resources/autograding-grading-reporter@v1');
    const ids = graderSteps().map((s) => s.id!);
    expect(String(reporter.with!.runners).split(',')).toEqual(ids);
    expect(reporter.env).toEqual(Object.fromEntries(ids.map((id) => [`${id.toUpperCase()}_RESULTS`, `\${{ steps.${id}.outputs.result }}`])));
  });

  it('runs public specs only: each command names its exercise’s public spec in the handout', () => {
    for (const [i, step] of graderSteps().entries()) {
      const exercise = track[i]!;
      const spec = `exercises/${exercise.id}/${exercise.file.replace(/\.ts$/, '.spec.ts')}`;
      expect(step.with!.command).toBe(`npx vitest run ${spec}`);
      expect(existsSync(path.join(handout, spec)), spec).toBe(true);
    }
    expect(readFileSync(path.join(handout, '.github', 'workflows', 'classroom.yml'), 'utf8')).not.toMatch(/grader\/hidden|\.hidden\.ts|solutions\//);
  });

  it('every step’s command fails on the untouched stub and passes on the solved exercise', async () => {
    const commands = graderSteps().map((s) => String(s.with!.command));
    const onStubs = await runStep(commands[0]!);
    expect(onStubs.status, onStubs.output).not.toBe(0);
    expect(onStubs.output).toContain('NotImplementedError');
    for (const exercise of track) cpSync(kitPath('solutions', exercise.id, exercise.file), path.join(handout, 'exercises', exercise.id, exercise.file));
    // two at a time: the machines running the tests have few cores
    const queue = commands.map((command, i) => ({ command, id: track[i]!.id }));
    const failed: string[] = [];
    await Promise.all(
      [0, 1].map(async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const run = await runStep(next.command);
          if (run.status !== 0 || !/Tests +\d+ passed/.test(run.output)) failed.push(`${next.id}: ${run.output}`);
        }
      }),
    );
    expect(failed).toEqual([]);
  }, 600_000);

  it('refuses points GitHub Classroom cannot give (not whole), and --config without --classroom', () => {
    const config = path.join(temp, 'halves.json');
    writeFileSync(config, JSON.stringify({ exercises: { '03-sigmoid': { points: 7.5 } } }));
    const halves = runCli(['handout', '--out', path.join(temp, 'halves'), '--classroom', '--config', config]);
    expect(halves.status).toBe(1);
    expect(halves.stderr).toMatch(/03-sigmoid is worth 7\.5 points, and GitHub Classroom only gives whole points[\s\S]*next: /);
    expect(existsSync(path.join(temp, 'halves'))).toBe(false);
    const alone = runCli(['handout', '--out', path.join(temp, 'alone'), '--config', config]);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain('--config is for the Classroom workflow');
  });
});

/**
 * The Gradescope autograder, as Gradescope runs it: `backprop-kit gradescope` builds the zip,
 * it is unpacked into a simulated /autograder (AUTOGRADER_ROOT, a temp folder), setup.sh runs
 * with Node already on PATH (npm ci from a package cache kept under the kit's node_modules,
 * --prefer-offline, so only the first run downloads), then run_autograder grades each example
 * student as its own submission. Every results.json must pass Gradescope's schema and give each
 * exercise the outcome examples/expected/<student>.json records for it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studentId } from '../grader/gradescope/autograde';
import { safeStudentDirName } from '../grader/intake';
import { kitPath } from '../grader/paths';
import { gradescopeResultsSchema } from '../grader/reports';
import { type AutograderRun, autograderEnv, runAutograder, unpackAutograder, type ZipEntry } from './helpers/autograder';
import { runCli } from './helpers/cli';

const temp = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-gradescope-'));
const zipFile = path.join(temp, 'autograder.zip');
const source = path.join(temp, 'source');
const SECRET = 'example-class-secret';
const env = autograderEnv(kitPath('node_modules', '.cache', 'backprop-kit-test-npm'));
const zipEntries: ZipEntry[] = [];
let setup: { status: number | null; stdout: string; stderr: string };

beforeAll(async () => {
  const config = path.join(temp, 'course.json');
  writeFileSync(config, JSON.stringify({ exercises: { '02-relu': { points: 20 } }, reports: { gradescope: { visibility: 'after_published', stdoutVisibility: 'visible' } } }));
  const built = runCli(['gradescope', '--out', zipFile, '--config', config, '--seed', SECRET]);
  expect(built.status, built.stderr).toBe(0);
  zipEntries.push(...(await unpackAutograder(zipFile, source)));
  const result = spawnSync('bash', [path.join(source, 'setup.sh')], { env: { ...env, AUTOGRADER_ROOT: temp }, encoding: 'utf8', timeout: 600_000 });
  setup = { status: result.status, stdout: result.stdout, stderr: result.stderr };
}, 660_000);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('backprop-kit gradescope', () => {
  it('zips setup.sh and run_autograder (executable) at the root with the kit’s grader, hidden specs, solutions, lockfile and the baked config; no tests or examples', () => {
    const names = zipEntries.map((e) => e.name);
    for (const script of ['setup.sh', 'run_autograder']) expect(zipEntries.find((e) => e.name === script)?.mode! & 0o111, script).toBe(0o111);
    expect(names).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'bin/backprop-kit.js', 'grader/hidden/02-relu.hidden.ts', 'solutions/02-relu/relu.ts', 'exercises/track.json', 'templates/feedback.md.hbs', 'course-config.json']));
    expect(names.filter((n) => /^(test|examples|docs|node_modules)\//.test(n) || n.includes('/.'))).toEqual([]);
    const baked = JSON.parse(zipEntries.find((e) => e.name === 'course-config.json')!.content.toString('utf8')) as { secret: string; exercises: Record<string, { points: number }> };
    expect(baked.secret).toBe(SECRET);
    expect(baked.exercises['02-relu']!.points).toBe(20);
  });

  it('refuses an output that is not a .zip, and a broken config, with the next step', () => {
    const notZip = runCli(['gradescope', '--out', path.join(temp, 'autograder.tar')]);
    expect(notZip.status).toBe(1);
    expect(notZip.stderr).toMatch(/does not end in \.zip[\s\S]*next: Name the autograder file/);
    const missing = runCli(['gradescope', '--out', path.join(temp, 'x.zip'), '--config', path.join(temp, 'no-such.json')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('cannot read the config file');
    expect(existsSync(path.join(temp, 'x.zip'))).toBe(false);
  });

  it('setup.sh keeps the Node on PATH and installs the kit’s locked dependencies', () => {
    expect(setup.status, setup.stdout + setup.stderr).toBe(0);
    expect(setup.stdout).toContain(`Node ${process.version} is on PATH`);
    expect(setup.stdout).toContain('the autograder is ready');
    expect(existsSync(path.join(source, 'node_modules', 'isolated-vm', 'package.json'))).toBe(true);
    expect(existsSync(path.join(source, 'node_modules', '.package-lock.json'))).toBe(true);
  });

  const students = readdirSync(kitPath('examples', 'submissions')).sort();
  const graded = new Map<string, AutograderRun>();

  it('run_autograder grades every example student, one submission at a time, each in its own root', async () => {
    expect(setup.status).toBe(0);
    // two at a time: the machines running the tests have few cores
    const queue = [...students];
    await Promise.all(
      [0, 1].map(async () => {
        for (let student = queue.shift(); student; student = queue.shift()) {
          const id = student.replace(/\.zip$/, '');
          graded.set(id, await runAutograder({ source, root: path.join(temp, 'roots', id), submission: kitPath('examples', 'submissions', student), studentId: id, env }));
        }
      }),
    );
    for (const [student, run] of graded) expect(run.status, `${student}: ${run.output}`).toBe(0);
  }, 900_000);

  for (const student of students.map((s) => s.replace(/\.zip$/, ''))) {
    it(`${student}: results.json passes Gradescope's schema and has each exercise's expected outcome`, () => {
      const results = graded.get(student)?.results;
      expect(results, graded.get(student)?.output).toBeDefined();
      expect(() => gradescopeResultsSchema.parse(results)).not.toThrow();
      const expected = JSON.parse(readFileSync(kitPath('examples', 'expected', `${student}.json`), 'utf8')) as { exercises: Record<string, { status: string; score: string; misconception?: string }> };
      const tests = results!.tests;
      expect(tests).toHaveLength(Object.keys(expected.exercises).length + 1);
      const got = Object.fromEntries(
        tests.slice(0, -1).map((t) => {
          const id = t.tags.find((tag) => tag.startsWith('exercise:'))!.slice('exercise:'.length);
          const misconception = expected.exercises[id]?.misconception;
          return [id, { status: t.tags.find((tag) => tag.startsWith('status:'))!.slice('status:'.length), score: t.score === t.max_score ? 'full' : t.score === 0 ? 'zero' : 'partial', ...(misconception && t.tags.includes(`misconception:${misconception}`) ? { misconception } : {}) }];
        }),
      );
      expect(got).toEqual(expected.exercises);
      // the config's points, visibility and the student id from Gradescope's metadata
      expect(tests.find((t) => t.tags.includes('exercise:02-relu'))!.max_score).toBe(20);
      expect(new Set(tests.map((t) => t.visibility))).toEqual(new Set(['after_published']));
      expect([results!.visibility, results!.stdout_visibility]).toEqual(['after_published', 'visible']);
      expect(results!.extra_data.studentId).toBe(student);
      expect(results!.score).toBeCloseTo(tests.reduce((sum, t) => sum + t.score, 0), 9);
      expect(results!.execution_time).toBeGreaterThan(0);
      // the integration run: a test of 0 points
      expect(tests.at(-1)).toMatchObject({ max_score: 0, score: 0, tags: expect.arrayContaining(['integration']) });
      for (const test of tests.slice(0, -1)) expect(test.output, test.name).toMatch(/^## \d\d · /);
    });
  }

  it('run_autograder without a submission folder fails with a message naming it, and writes no results', () => {
    const root = path.join(temp, 'empty-root');
    mkdirSync(root);
    symlinkSync(source, path.join(root, 'source'), 'dir');
    const result = spawnSync(path.join(source, 'run_autograder'), [], { env: { ...env, AUTOGRADER_ROOT: root }, encoding: 'utf8', timeout: 120_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`there is no submission folder at ${path.join(root, 'submission')}`);
    expect(existsSync(path.join(root, 'results', 'results.json'))).toBe(false);
  });

  it('takes the student id from Gradescope’s metadata (student id, else email), as a safe folder name, else "student"', () => {
    const metadata = (users: unknown): string => {
      const file = path.join(temp, `metadata-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(file, JSON.stringify({ id: 7, users }));
      return file;
    };
    expect(studentId(metadata([{ sid: 's1234', email: 'ada@example.edu' }]))).toBe('s1234');
    // the first user of a group; an id that is no safe folder name gets the intake's safe name for it
    expect(studentId(metadata([{ sid: '', email: 'ada@example.edu' }, { sid: 'b2' }]))).toBe(safeStudentDirName('ada@example.edu'));
    expect(safeStudentDirName('ada@example.edu')).toMatch(/^ada_example\.edu-[0-9a-f]+$/);
    expect(studentId(metadata([{ sid: '../../etc' }]))).toMatch(/^etc-[0-9a-f]+$/);
    expect(studentId(path.join(temp, 'no-such-metadata.json'))).toBe('student');
    expect(studentId(metadata('not a list'))).toBe('student');
  });
});

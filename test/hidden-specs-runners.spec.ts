/**
 * One definition, two runners: a check added to a hidden spec and an entry added to the
 * catalogue are picked up by the grader's sandboxed runner and by the vitest runner
 * (backprop-kit hidden-specs). Both are added to a copy of the kit, as an instructor would.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kitPath } from '../grader/paths';
import type { StudentRun } from '../grader/run/types';
import { vitestArgs } from '../grader/hidden/vitest/run';

const NEW_CHECK = 'relu of a lone negative number is 0 (an added check)';
const NEW_ENTRY = 'relu-returns-its-input';
let kit: string;
let student: string;

beforeAll(() => {
  kit = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-two-runners-'));
  for (const part of ['grader', 'exercises', 'solutions', 'templates', 'bin', 'package.json', 'tsconfig.json']) cpSync(kitPath(part), path.join(kit, part), { recursive: true });
  symlinkSync(kitPath('node_modules'), path.join(kit, 'node_modules'), 'dir');
  // the instructor's two additions: a check at the end of 02-relu's hidden spec, and a catalogue entry
  const spec = path.join(kit, 'grader', 'hidden', '02-relu.hidden.ts');
  const source = readFileSync(spec, 'utf8');
  const end = source.lastIndexOf(']);');
  writeFileSync(spec, `${source.slice(0, end)}  {\n    name: '${NEW_CHECK}',\n    run(t) {\n      t.expectClose(t.call('relu', [-2.5]), [0], 'relu([-2.5])');\n    },\n  },\n${source.slice(end)}`);
  const entry = path.join(kit, 'grader', 'misconceptions', 'catalogue', NEW_ENTRY);
  mkdirSync(entry);
  const wrongRelu = "import type { Vector } from '../shared/types';\n\nexport function relu(z: Vector): Vector {\n  return [...z];\n}\n\nexport function reluDerivative(z: Vector): Vector {\n  return z.map((v) => (v > 0 ? 1 : 0));\n}\n";
  writeFileSync(path.join(entry, 'relu.ts'), wrongRelu);
  writeFileSync(path.join(entry, 'misconception.json'), JSON.stringify({ id: NEW_ENTRY, exercise: '02-relu', title: 'ReLU returns its input', explanation: 'Negative inputs come back unchanged: the max with 0 is missing.' }));
  // a student whose only mistake is that one
  student = path.join(kit, 'student', 'exercises');
  cpSync(kitPath('solutions'), student, { recursive: true });
  writeFileSync(path.join(student, '02-relu', 'relu.ts'), wrongRelu);
}, 60_000);
afterAll(() => rmSync(kit, { recursive: true, force: true }));

describe('a hidden check and a catalogue entry added by an instructor', () => {
  it('are run and named by the grader’s own runner', async () => {
    const { loadGradingKit } = (await import(path.join(kit, 'grader', 'run', 'kit-loader.ts'))) as typeof import('../grader/run/kit-loader');
    const { gradeStudent } = (await import(path.join(kit, 'grader', 'run', 'grade-student.ts'))) as typeof import('../grader/run/grade-student');
    const { readKitDescription } = (await import(path.join(kit, 'grader', 'run', 'kit-description.ts'))) as typeof import('../grader/run/kit-description');
    const graded = loadGradingKit(kit, readKitDescription(kit));
    const files = Object.fromEntries(graded.track.map((e) => [e.id, { status: 'ok' as const, path: `exercises/${e.id}/${e.file}`, content: readFileSync(path.join(student, e.id, e.file), 'utf8') }]));
    const run: StudentRun = gradeStudent(
      { studentId: 'two-runners', files, secret: 's', hiddenInputs: 'per-class', limits: { timeoutMs: 2000, memoryMb: 64 }, typeCheck: true, typeErrors: 'fail', only: ['02-relu'] },
      graded,
    );
    const check = run.exercises.find((e) => e.exercise === '02-relu')!.checks.find((c) => c.name === NEW_CHECK);
    expect(check?.status).toBe('failed');
    expect(check?.failure?.misconceptions?.map((m) => m.id)).toContain(NEW_ENTRY);
  }, 60_000);

  it('are run and named by the vitest runner (backprop-kit hidden-specs --impl)', () => {
    const result = spawnSync(process.execPath, [path.join(kit, 'bin', 'backprop-kit.js'), 'hidden-specs', '--impl', path.join(kit, 'student'), '-t', 'relu'], {
      cwd: kit,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    // vitest lists the tests on stdout and the failures' details on stderr
    const output = result.stdout + result.stderr;
    expect(result.status, output).toBe(1);
    expect(result.stdout).toContain(`× ${NEW_CHECK}`);
    expect(output).toContain(`misconception: ReLU returns its input [${NEW_ENTRY}]`);
    expect(result.stdout).toMatch(/Tests +\d+ failed \| \d+ passed \| \d+ skipped/);
  }, 120_000);

  it('the vitest runner runs once by default, and watches with --watch or --ui', () => {
    expect(vitestArgs({}).slice(0, 1)).toEqual(['run']);
    expect(vitestArgs({ watch: true }).slice(0, 1)).toEqual(['--watch']);
    expect(vitestArgs({ ui: true }).slice(0, 1)).toEqual(['--ui']);
  });
});

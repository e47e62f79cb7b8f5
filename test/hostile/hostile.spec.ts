/**
 * The hostile corpus (test/fixtures/hostile/), graded in one run of the real command line
 * together with a correct submission: worker processes under Node's permission model,
 * isolated-vm sandboxes, small limits (500 ms, 64 MiB). Every case must get its expected
 * verdict, no attack may earn a point, the correct submission keeps full marks, the run
 * ends normally, and nothing outside the output folder changes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileTimeoutMs } from '../../grader/grade';
import { KIT_ROOT } from '../../grader/paths';
import type { StudentRecord } from '../../grader/results/types';
import { CASES, ODD_ID, ODD_ID_2, type HostileCase } from '../fixtures/hostile/cases';
import { buildClass, EXPECTED, expectedName, expectedOf, type ExpectedFile } from '../fixtures/hostile/generate';
import { fingerprint, gradeArgs, kitFingerprint, LIMITS, makeRunRoot, processesOfRun, readRecords, startCli } from './helpers';

const { root, classDir, out, tmp } = makeRunRoot('hostile');
/** Files an attack would create if it got out: none may exist after the run. */
const CANARIES = [
  path.join(os.tmpdir(), 'backprop-kit-pwned'),
  '/tmp/backprop-kit-pwned',
  '/tmp/pwned.ts',
  path.join(root, 'pwned.ts'),
  path.join(KIT_ROOT, 'pwned'),
  path.join(KIT_ROOT, 'reports', 'students', 'forge-results-file', 'record.json'),
];

let run: Awaited<ReturnType<typeof startCli>['done']>;
let records: Map<string, StudentRecord>;
let cases: HostileCase[];
const before: { classTree?: string[]; kit?: Record<string, string>; canaries?: boolean[] } = {};
let leftoverProcesses: number[] = [];

beforeAll(async () => {
  cases = await buildClass(classDir);
  mkdirSync(tmp);
  before.classTree = fingerprint(classDir);
  before.kit = kitFingerprint();
  before.canaries = CANARIES.map((file) => existsSync(file));
  const cli = startCli(gradeArgs(classDir, out), tmp);
  run = await cli.done;
  leftoverProcesses = processesOfRun(tmp);
  records = readRecords(out);
}, 240_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const expectedFor = (id: string): ExpectedFile => JSON.parse(readFileSync(path.join(EXPECTED, expectedName(id)), 'utf8')) as ExpectedFile;
const exerciseOf = (record: StudentRecord, id: string) => record.exercises.find((e) => e.exercise === id)!;
const scoreClass = (e: { score: number; maxScore: number }): string => (e.score === e.maxScore ? 'full' : e.score === 0 ? 'zero' : 'partial');
const baseline = (exercise: string): number => exerciseOf(records.get('baseline-wrong-values')!, exercise).score;

describe('the hostile corpus', () => {
  it('has at least 25 cases, every guarantee covered, and an expected verdict beside each (in step with cases.ts)', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CASES.map((c) => c.guarantee))).toEqual(new Set([1, 2, 3, 4]));
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    for (const c of CASES) expect(expectedFor(c.id), c.id).toEqual(expectedOf(c));
    expect(readdirSync(EXPECTED)).toHaveLength(CASES.length);
  });
});

describe('grading the hostile corpus with a correct submission', () => {
  it('exits 0 with the one-line summary, having graded every submission', () => {
    const graded = cases.filter((c) => !c.skipped);
    const fatal = graded.filter((c) => c.fatal).length;
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^graded ${graded.length} student\\(s\\) in [\\d.]+ s: mean [\\d.]+/160, ${fatal} failure\\(s\\) → .*index\\.html\\n$`));
    expect([...records.keys()].sort()).toEqual(graded.map((c) => c.id).sort());
    for (const record of records.values()) expect(record.graderError, record.studentId).toBeUndefined();
  });

  it('gives the correct submission full marks, and its integration run every quantity', () => {
    const record = records.get('correct-submission')!;
    expect(record.score).toBe(160);
    expect(record.integration.right).toBe(record.integration.total);
  });

  for (const c of CASES) {
    it(`${JSON.stringify(c.id)}: ${c.about}`, () => {
      const expected = expectedFor(c.id);
      const record = records.get(c.id);
      if (expected.skipped) {
        expect(record).toBeUndefined();
        expect(run.stderr).toContain(`skipped ${c.id}: ${expected.skipped}`);
        return;
      }
      expect(record, 'graded').toBeDefined();
      expect(record!.submission.fatal?.code).toBe(expected.fatal);
      const got = Object.fromEntries(
        record!.exercises.map((e) => {
          const want = expected.exercises![e.exercise];
          const score = want.score === 'baseline' ? (e.score === baseline(e.exercise) ? 'baseline' : `${e.score} (baseline ${baseline(e.exercise)})`) : scoreClass(e);
          return [
            e.exercise,
            {
              status: e.status,
              score,
              ...(want.limitHit ? { limitHit: e.limitHit } : {}),
              ...(want.message ? { message: e.message?.includes(want.message) ? want.message : e.message } : {}),
            },
          ];
        }),
      );
      expect(got).toEqual(expected.exercises);
      for (const note of expected.notes ?? []) expect(record!.submission.notes.join('\n')).toContain(note);
    });
  }

  it('gives no attack a point it did not earn: an attacked exercise never scores above wrong values', () => {
    const unearned: string[] = [];
    for (const c of CASES.filter((c) => c.cheat)) {
      const record = records.get(c.id)!;
      for (const [exercise, want] of Object.entries(expectedFor(c.id).exercises!)) {
        if (want.score === 'full') continue; // not attacked
        const score = exerciseOf(record, exercise).score;
        if (score > baseline(exercise)) unearned.push(`${c.id} ${exercise}: ${score} > ${baseline(exercise)}`);
      }
    }
    expect(unearned).toEqual([]);
    // and wrong values earn less than right ones in every exercise (or the bound above would be empty)
    for (const e of records.get('baseline-wrong-values')!.exercises) expect(e.score, e.exercise).toBeLessThan(e.maxScore);
  });

  it('keeps what the code printed to a few kilobytes, and every record small', () => {
    const printed = exerciseOf(records.get('huge-console-output')!, '03-sigmoid').output;
    expect(printed.length).toBeGreaterThan(1000);
    expect(printed.length).toBeLessThanOrEqual(4100);
    for (const record of records.values()) {
      expect(statSync(path.join(out, 'students', record.dir, 'record.json')).size, record.studentId).toBeLessThan(200_000);
    }
    const huge = exerciseOf(records.get('huge-result')!, '03-sigmoid');
    expect(huge.checks.map((c) => c.failure?.message ?? '').join('\n')).toContain('the result is too large');
  });

  it('states the limits in every record and says which was hit, in the record and in the feedback', () => {
    for (const record of records.values()) expect(record.limits).toEqual(LIMITS);
    const feedback = (id: string) => readFileSync(path.join(out, 'students', records.get(id)!.dir, 'feedback.md'), 'utf8');
    expect(exerciseOf(records.get('infinite-loop')!, '03-sigmoid').limitHit).toBe('time');
    expect(feedback('infinite-loop')).toContain(`time limit of ${LIMITS.timeoutMs} ms`);
    expect(exerciseOf(records.get('memory-bomb')!, '03-sigmoid').limitHit).toBe('memory');
    expect(feedback('memory-bomb')).toContain(`memory limit of ${LIMITS.memoryMb}`);
    expect(feedback('memory-bomb-one-allocation')).toContain(`memory limit of ${LIMITS.memoryMb}`);
  });

  it('ends a type checker that does not finish within its limit, and grades the submission without type checking', () => {
    const record = records.get('type-level-bomb')!;
    expect(record.submission.notes.join(' ')).toContain('graded without type checking');
    expect(record.timing.gradingMs).toBeGreaterThanOrEqual(compileTimeoutMs(LIMITS.timeoutMs));
    expect(record.score).toBe(160);
  });

  it('gives every student their own report folder, even an id chosen to clash with another’s', () => {
    const dirs = [...records.values()].map((r) => r.dir);
    expect(new Set(dirs).size).toBe(dirs.length);
    for (const dir of dirs) expect(dir).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
    expect(records.get(ODD_ID)!.score).toBe(160);
    expect(records.get(ODD_ID_2)!.score).toBe(160);
  });

  it('never sends a control character from a student id to the terminal', () => {
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(run.stderr).toContain('-rf --out=..\\u0009line\\u000abreak\\u001b[2J\\u0007: 160/160');
  });

  it('writes the forged files of a submission nowhere, and reports the real score', () => {
    const record = records.get('forge-results-file')!;
    expect(record.score).toBeLessThan(160);
    expect(record.submission.extraFiles).toEqual(expect.arrayContaining(['results.json', 'record.json', 'grades.csv', 'students/forge-results-file/record.json']));
    const row = readFileSync(path.join(out, 'grades.csv'), 'utf8').split('\r\n').find((line) => line.startsWith('forge-results-file,'))!;
    expect(row.split(',').at(-2)).toBe(String(record.score));
    const gradescope = JSON.parse(readFileSync(path.join(out, 'students', record.dir, 'results.json'), 'utf8')) as { score: number };
    expect(gradescope.score).toBe(record.score);
  });
});

describe('what a grading run leaves behind', () => {
  it('leaves the submissions folder byte for byte as it was (contents, modes, times, links)', () => {
    expect(fingerprint(classDir)).toEqual(before.classTree);
  });

  it('leaves the kit’s solutions/, grader/hidden/ and exercises/ as they were', () => {
    expect(kitFingerprint()).toEqual(before.kit);
  });

  it('writes nothing beside the output folder, nothing but the tsx cache in its temp folder, and no file an attack aimed at', () => {
    expect(readdirSync(root).sort()).toEqual(['class', 'out', 'tmp']);
    expect(readdirSync(tmp).filter((name) => !/^tsx-\d+$/.test(name))).toEqual([]);
    expect(CANARIES.map((file) => existsSync(file))).toEqual(before.canaries);
    expect(CANARIES.some((file) => existsSync(file))).toBe(false);
    expect(readdirSync(out).sort()).toEqual(['grades.csv', 'index.html', 'results.json', 'students']);
    const stray = readdirSync(path.join(out, 'students'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp'));
    expect(stray).toEqual([]);
  });

  it('leaves no grading process running', () => {
    expect(leftoverProcesses).toEqual([]);
  });
});

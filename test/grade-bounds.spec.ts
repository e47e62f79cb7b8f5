/**
 * Grades that cannot be broken or bought, below the hostile corpus: what a student's code
 * controls is copied into a record in bounded amounts; a failure while writing one student's
 * results is that student's, and the class reports are written all the same; nested imports
 * and comments that would hide type errors; answers copied from a classmate's report are
 * worth points only if that classmate's inputs are the student's own (per-class inputs).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clip, DEPTH_KEPT, ENTRIES_KEPT, MESSAGE_LIMIT, summarize } from '../grader/checks/bounded';
import { disarmCheckDirectives } from '../grader/compile/compiler';
import { gradeClass } from '../grader/grade';
import { kitPath } from '../grader/paths';
import { checkRecordSize, RECORD_LIMIT_BYTES } from '../grader/results/record';
import type { StudentRecord } from '../grader/results/types';
import { CASES } from './fixtures/hostile/cases';
import { SECRET } from './hostile/helpers';
import { gradeInProcess } from './helpers/grading';

const work = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-bounds-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('what a record keeps of a value the code controls', () => {
  it('keeps a few entries, a few levels and short strings, and counts the rest', () => {
    const huge = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(summarize(huge)).toEqual([0, 1, 2, 3, 4, 5, `… ${1_000_000 - ENTRIES_KEPT} more items`]);
    let deep: unknown = [1];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(JSON.stringify(summarize(deep))).toBe(`[[[${JSON.stringify('[an array of 1 items]')}]]]`);
    expect(DEPTH_KEPT).toBe(3);
    const wide = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${'x'.repeat(1000)}${i}`, 's'.repeat(10_000)]));
    expect(JSON.stringify(summarize(wide)).length).toBeLessThan(1500);
    expect(clip('m'.repeat(10_000_000))).toHaveLength(MESSAGE_LIMIT + '… (9999500 more characters)'.length);
    expect(clip('short')).toBe('short');
  });

  it('refuses a record over the documented bound', () => {
    const record = { studentId: 'a', exercises: [{ output: 'o'.repeat(RECORD_LIMIT_BYTES) }] } as unknown as StudentRecord;
    expect(() => checkRecordSize(record)).toThrow(`more than the limit of ${RECORD_LIMIT_BYTES}`);
    expect(() => checkRecordSize({ studentId: 'a', exercises: [] } as unknown as StudentRecord)).not.toThrow();
  });
});

describe('a failure while writing one student’s results', () => {
  it('is that student’s: they are reported as not graded, with the reason, and the class reports are complete', async () => {
    const submissions = path.join(work, 'class');
    for (const id of ['ana', 'bob']) cpSync(kitPath('examples', 'submissions', 'ada-all-correct'), path.join(submissions, id), { recursive: true });
    const out = path.join(work, 'out');
    // a folder where bob's feedback.md must go: every write of bob's reports fails
    mkdirSync(path.join(out, 'students', 'bob', 'feedback.md'), { recursive: true });
    const warnings: string[] = [];
    const progress = { start() {}, studentDone() {}, warn: (line: string) => warnings.push(line), stop() {} };
    const summary = await gradeClass({ submissions, out, workers: 1, resume: false, secret: 'bounds-secret', progress, only: ['01-linear-forward'] });
    expect(summary.students).toBe(2);
    expect(summary.failures).toBe(1);
    for (const file of ['index.html', 'grades.csv', 'results.json']) expect(existsSync(path.join(out, file)), file).toBe(true);
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as { students: { id: string; failed: boolean; score: number }[] };
    expect(results.students.map((s) => [s.id, s.failed])).toEqual([['ana', false], ['bob', true]]);
    expect(results.students[0].score).toBeGreaterThan(0);
    expect(results.students[1].score).toBe(0);
    expect(readFileSync(path.join(out, 'grades.csv'), 'utf8')).toContain('\r\nbob,');
    expect(warnings.join('\n')).toContain('could not write the reports of bob');
    expect(existsSync(path.join(out, 'students', 'ana', 'record.json'))).toBe(true);
  }, 120_000);
});

describe('type errors and imports the grader does not let through', () => {
  it('disarms @ts-nocheck, @ts-ignore and @ts-expect-error, keeping every line and column', () => {
    const source = '// @ts-nocheck\nconst a: number = "x"; // @ts-ignore\n/* @ts-expect-error */ const b = 1;\n';
    const { text, disarmed } = disarmCheckDirectives(source);
    expect(disarmed).toBe(true);
    expect(text).not.toMatch(/@ts-(nocheck|ignore|expect-error)/);
    expect(text.split('\n').map((line) => line.length)).toEqual(source.split('\n').map((line) => line.length));
    expect(disarmCheckDirectives('const ok = 1;\n')).toEqual({ text: 'const ok = 1;\n', disarmed: false });
  });

  it('reports what the comments hid, and says so; refuses imports inside a function or a module block', () => {
    const file = (id: string) => CASES.find((c) => c.id === id)!.files!['03-sigmoid']!;
    const run = gradeInProcess({ '03-sigmoid': file('ts-ignore-type-errors') }, { only: ['03-sigmoid'] });
    const sigmoid = run.exercises.find((e) => e.exercise === '03-sigmoid')!;
    expect(sigmoid.status).toBe('type-error');
    expect(sigmoid.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('do not hide type errors from the grader'),
      "Type 'string' is not assignable to type 'number'.",
      "Type 'number' is not assignable to type 'string'.",
    ]);
    const nested = gradeInProcess({ '03-sigmoid': file('nested-imports') }, { only: ['03-sigmoid'], typeCheck: false }).exercises.find((e) => e.exercise === '03-sigmoid')!;
    expect(nested.status).toBe('import-error');
    expect(nested.problems.filter((p) => p.message.includes('inside a function or a `module`/`namespace` block'))).toHaveLength(2);
  }, 60_000);
});

describe('answers copied from a classmate’s report', () => {
  const copied = CASES.find((c) => c.id === 'copies-classmate-answers')!.files!['03-sigmoid']!;
  const sigmoidScore = (studentId: string): number => {
    const run = gradeInProcess({ '03-sigmoid': copied }, { studentId, secret: SECRET, hiddenInputs: 'per-student', only: ['03-sigmoid'] });
    const sigmoid = run.exercises.find((e) => e.exercise === '03-sigmoid')!;
    return sigmoid.checks.filter((c) => c.status === 'passed' || c.fraction > 0).length;
  };

  it('pass the checks whose inputs are the classmate’s (what per-class inputs give everyone), and none of the student’s own', () => {
    expect(sigmoidScore('baseline-wrong-values')).toBeGreaterThanOrEqual(3);
    expect(sigmoidScore('copies-classmate-answers')).toBe(0);
  }, 60_000);
});

/**
 * A grading worker keeps one type checker (and a cache of compiled files) for every student
 * it grades. No student may read another's file through it, nor change how another's file
 * type-checks — whichever order they are graded in. In this process, so that the order is
 * known: the same kit (compiler, cache, sandbox) grades the students one after the other.
 */
import { describe, expect, it } from 'vitest';
import { gradeInProcess, solutionSource } from '../helpers/grading';

const notFullMarks = (run: ReturnType<typeof gradeInProcess>): string[] =>
  run.exercises.filter((e) => e.status !== 'graded' || e.checks.some((c) => c.status !== 'passed')).map((e) => `${e.exercise}: ${e.status} ${JSON.stringify(e.problems)}`);

/** Array.prototype.reduce returning a string: right code that uses reduce no longer type-checks. */
const REDUCE_RETURNS_STRING = 'interface Array<T> {\n  reduce(callback: (...args: any[]) => any, initial: any): string;\n}\n';

describe('one type checker for every student of a worker', () => {
  it("never lets one student's global declarations change another's type check, nor the cached results", () => {
    // graded first, so that the reference files of its other exercises are compiled (and cached) beside its own
    const attacker = gradeInProcess(
      {
        '03-sigmoid': REDUCE_RETURNS_STRING, // a script: no import or export
        '04-softmax': `${solutionSource('04-softmax')}\ndeclare global {\n${REDUCE_RETURNS_STRING}}\n`,
      },
      { studentId: 'mallory' },
    );
    expect(attacker.exercises.find((e) => e.exercise === '04-softmax')!.status).toBe('import-error');
    expect(notFullMarks(attacker).filter((line) => !/^0[34]-/.test(line))).toEqual([]);
    // then a student whose files the attacker's check has seen (the reference solutions), and one new file
    const victim = gradeInProcess({ '01-linear-forward': `${solutionSource('01-linear-forward')}\n// my own comment\n` }, { studentId: 'bob' });
    expect(notFullMarks(victim)).toEqual([]);
  });

  it("never shows one student the types of another's file", () => {
    gradeInProcess({}, { studentId: 'warm-up' }); // the reference 05 is now cached: a student who hands it in does not replace the file below
    gradeInProcess({ '05-cross-entropy': `${solutionSource('05-cross-entropy')}\nexport const aliceSecret = 'alice-0.93883128' as const;\n` }, { studentId: 'alice' });
    const peek = `${solutionSource('16-training-loop')}\nexport const peek: null = null as unknown as (typeof import('../../student/05-cross-entropy/cross-entropy'))['aliceSecret'];\n`;
    const bob = gradeInProcess({ '16-training-loop': peek }, { studentId: 'bob' });
    const problems = JSON.stringify(bob.exercises.find((e) => e.exercise === '16-training-loop')!.problems);
    expect(problems).not.toContain('alice');
    expect(problems).toContain('Cannot find module');
  });

  it('refuses /// <reference> directives, declare global and declare module', () => {
    const sources = {
      '02-relu': `/// <reference path="../05-cross-entropy/cross-entropy.ts" />\n${solutionSource('02-relu')}`,
      '03-sigmoid': `/// <reference lib="dom" />\n${solutionSource('03-sigmoid')}`,
      '04-softmax': `${solutionSource('04-softmax')}\ndeclare module '../01-linear-forward/linear-forward' {\n  export function extra(): string;\n}\n`,
    };
    const run = gradeInProcess(sources, { studentId: 'directives' });
    for (const id of Object.keys(sources)) expect(run.exercises.find((e) => e.exercise === id)!.status, id).toBe('import-error');
    expect(notFullMarks(run).filter((line) => !/^0[234]-/.test(line))).toEqual([]);
  });
});

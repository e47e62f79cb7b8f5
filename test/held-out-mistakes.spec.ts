/**
 * The held-out class: student-style files with one mistake each, written apart from the
 * misconception catalogue and its detectors (test/fixtures/held-out-mistakes/). Every file
 * must lose points in its own exercise and nowhere else; the naming rate — how many of
 * them the feedback names with a naming that is true of what the file returns — is printed,
 * and every one must be named.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckOutcome } from '../grader/checks/outcome';
import { KIT_ROOT } from '../grader/paths';
import { gradeInProcess } from './helpers/grading';

const DIR = path.join(KIT_ROOT, 'test', 'fixtures', 'held-out-mistakes');
const manifest = JSON.parse(readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as {
  files: { file: string; exercise: string; mistake: string; names: string[] }[];
};

/** The ids the feedback names on a failed check. */
const namesOf = (check: CheckOutcome): string[] => (check.failure?.misconceptions ?? []).map((m) => m.id);

const named: string[] = [];
const unnamed: string[] = [];
/** files where some failed check of the exercise names nothing */
const partlyNamed: string[] = [];

describe('held-out mistakes', () => {
  it('has at least 25 files, each listed once', () => {
    expect(manifest.files.length).toBeGreaterThanOrEqual(25);
    expect(new Set(manifest.files.map((f) => f.file)).size).toBe(manifest.files.length);
  });

  for (const entry of manifest.files) {
    it(`${entry.file}: loses points in ${entry.exercise} only`, () => {
      const run = gradeInProcess({ [entry.exercise]: readFileSync(path.join(DIR, entry.file), 'utf8') }, { studentId: `held-out-${entry.file}` });
      for (const exercise of run.exercises) {
        if (exercise.exercise !== entry.exercise) {
          const notPassed = exercise.checks.filter((c) => c.status !== 'passed');
          expect(notPassed.map((c) => `${exercise.exercise} › ${c.name}: ${c.failure?.message}`), 'other exercises are unaffected').toEqual([]);
          continue;
        }
        expect(exercise.status, `${exercise.exercise}: ${exercise.message} ${JSON.stringify(exercise.problems)}`).toBe('graded');
        const failed = exercise.checks.filter((c) => c.status === 'failed');
        expect(failed.length, 'some hidden check must fail').toBeGreaterThan(0);
        const found = failed.flatMap(namesOf);
        (found.some((id) => entry.names.includes(id)) ? named : unnamed).push(`${entry.file} → [${[...new Set(found)].join(', ')}]`);
        expect(found, `the feedback names none of ${entry.names.join(', ')}`).toEqual(expect.arrayContaining([expect.toBeOneOf(entry.names)]));
        const silent = failed.filter((c) => namesOf(c).length === 0);
        if (silent.length > 0) partlyNamed.push(`${entry.file}: ${silent.map((c) => c.name).join('; ')}`);
      }
    });
  }

  afterAll(() => {
    const total = named.length + unnamed.length;
    const list = (title: string, items: string[]) => (items.length ? `\n${title}:\n  ${items.join('\n  ')}` : '');
    console.log(`held-out naming rate: ${named.length}/${total}; every failed check named: ${total - partlyNamed.length}/${total}${list('not named', unnamed)}${list('failed checks that name nothing', partlyNamed)}`);
  });
});

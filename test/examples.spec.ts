/**
 * The main job on the bundled example class, through the real command line (worker
 * processes, permission model, sandbox): each student's per-exercise outcome matches
 * examples/expected/<student>.json, and the class reports are written.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kitPath } from '../grader/paths';
import type { StudentRecord } from '../grader/results/types';
import { runCli, type CliResult } from './helpers/cli';

interface Expected {
  about: string;
  exercises: Record<string, { status: string; score: 'full' | 'partial' | 'zero'; misconception?: string }>;
}

const out = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-examples-'));
let result: CliResult;
const records = new Map<string, StudentRecord>();

beforeAll(() => {
  result = runCli(['grade', '--out', out, '--seed', 'example-class-secret', '--workers', '2'], { timeoutMs: 300_000 });
  for (const dir of readdirSync(path.join(out, 'students'))) {
    const record = JSON.parse(readFileSync(path.join(out, 'students', dir, 'record.json'), 'utf8')) as StudentRecord;
    records.set(record.studentId, record);
  }
}, 300_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const expectations = readdirSync(kitPath('examples', 'expected')).map((file) => ({
  id: file.replace(/\.json$/, ''),
  expected: JSON.parse(readFileSync(kitPath('examples', 'expected', file), 'utf8')) as Expected,
}));

describe('backprop-kit grade on the example class', () => {
  it('exits 0 and ends with a one-line summary', () => {
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^graded 10 student\(s\) in [\d.]+ s: mean [\d.]+\/160, \d+ failure\(s\) → .*index\.html\n$/);
  });

  it('grades every student of the class, and at least 8 of them', () => {
    expect(expectations.length).toBeGreaterThanOrEqual(8);
    expect([...records.keys()].sort()).toEqual(expectations.map((e) => e.id).sort());
  });

  for (const { id, expected } of expectations) {
    it(`${id} (${expected.about}): every exercise has its expected outcome`, () => {
      const record = records.get(id)!;
      const got = Object.fromEntries(
        record.exercises.map((e) => {
          const score = e.score === e.maxScore ? 'full' : e.score === 0 ? 'zero' : 'partial';
          const named = e.checks.flatMap((c) => c.failure?.misconceptions.map((m) => m.id) ?? []);
          const misconception = expected.exercises[e.exercise]?.misconception;
          return [e.exercise, { status: e.status, score, ...(misconception && named.includes(misconception) ? { misconception } : {}) }];
        }),
      );
      expect(got).toEqual(expected.exercises);
    });
  }

  it('reports what a student would want to know about their submission', () => {
    expect(records.get('fay-missing-file')!.submission.missing).toEqual(['12-backward-pass']);
    expect(records.get('fay-missing-file')!.submission.extraFiles).toContain('exercises/notes.txt');
    expect(records.get('hana-zipped-folder')!.submission.notes.join(' ')).toContain('hana-work');
    const gus = records.get('gus-infinite-loop')!.exercises.find((e) => e.exercise === '01-linear-forward')!;
    expect(gus.limitHit).toBe('time');
  });

  it('writes the class reports and every student’s reports', () => {
    for (const file of ['index.html', 'grades.csv', 'results.json']) expect(existsSync(path.join(out, file)), file).toBe(true);
    for (const record of records.values()) {
      for (const file of ['record.json', 'results.json', 'feedback.html', 'feedback.md']) {
        expect(existsSync(path.join(out, 'students', record.dir, file)), `${record.dir}/${file}`).toBe(true);
      }
    }
  });
});

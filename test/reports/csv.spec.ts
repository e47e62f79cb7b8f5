/** grades.csv on hand-made records: RFC 4180 quoting, formula injection, odd ids, '.' decimals. */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../grader/reports';
import { csvText } from '../../grader/reports/csv';
import type { StudentRecord } from '../../grader/results/types';
import { parseCsv } from './helpers';

function record(studentId: string, scores: number[], integration = 0): StudentRecord {
  const exercises = scores.map((score, i) => ({
    exercise: `0${i + 1}-step`,
    title: `Step ${i + 1}`,
    status: 'graded' as const,
    score,
    maxScore: 10,
    checks: [],
    problems: [],
    output: '',
    readme: `exercises/0${i + 1}-step/README.md`,
  }));
  const total = scores.reduce((s, v) => s + v, 0) + integration;
  return {
    format: 1,
    studentId,
    dir: 'student',
    submission: { kind: 'folder', name: studentId, contentHash: 'h', foundAt: 'exercises', missing: [], extraFiles: [], notes: [] },
    inputHash: 'i',
    score: total,
    maxScore: 10 * scores.length + 2,
    exercises,
    integration: { score: integration, maxScore: 2, right: 0, total: 26, quantities: [] },
    limits: { timeoutMs: 2000, memoryMb: 128 },
    timing: { gradingMs: 1 },
  };
}

describe('grades.csv', () => {
  it('has a header row and one CRLF-terminated row per student, sorted by id in code point order', () => {
    const csv = toCsv([record('zed', [1, 2]), record('Émile', [3, 4]), record('amy', [5.5, 0.125], 1.5)]);
    expect(csv.split('\r\n')).toEqual([
      'student_id,01-step,02-step,integration,total,max',
      'amy,5.5,0.125,1.5,7.125,22',
      'zed,1,2,0,3,22',
      'Émile,3,4,0,7,22',
      '',
    ]);
  });

  it('round-trips odd ids exactly through an RFC 4180 reader', () => {
    const ids = ['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', ' spaced ', 'Zoë 李雷', '<script>alert(1)</script>', `O'Brien`, '', ';semi;'];
    const rows = parseCsv(toCsv(ids.map((id) => record(id, [1]))));
    expect(rows).toHaveLength(ids.length + 1);
    expect(rows.every((row) => row.length === 5)).toBe(true);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual([...ids].sort());
  });

  it('defuses cells a spreadsheet would run as a formula with a leading apostrophe', () => {
    const hostile = ['=1+2', '+SUM(A1:A9)', '-2+3', '@cmd', '\tTAB', '\rCR', `=HYPERLINK("http://x","y")`];
    const rows = parseCsv(toCsv(hostile.map((id) => record(id, [1]))));
    const ids = rows.slice(1).map((r) => r[0]!);
    for (const id of hostile) expect(ids).toContain(`'${id}`);
    for (const id of ids) expect(id).toMatch(/^'/);
    expect(csvText('plain')).toBe('plain');
    expect(csvText('a=b')).toBe('a=b');
  });

  it('writes numbers with a dot, never a comma or an exponent, and never -0', () => {
    const rows = parseCsv(toCsv([record('x', [0.001, 9.999, -0])]));
    expect(rows[1]).toEqual(['x', '0.001', '9.999', '0', '0', '10', '32']);
    expect(parseCsv(toCsv([record('y', [1e-7, 1 / 3])]))[1]).toEqual(['y', '0', '0.333', '0', '0.333', '22']);
  });
});

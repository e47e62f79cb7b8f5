/**
 * grades.csv for spreadsheets and LMS imports: RFC 4180 (comma, CRLF, quotes doubled),
 * '.' decimals, one row per student; an exercise not graded in a partial run (--only) is an
 * empty cell. Student ids are untrusted, so a text cell that a
 * spreadsheet would read as a formula gets a leading apostrophe.
 */
import type { StudentRecord } from '../results/types';
import { sortRecords } from './summary';
import { formatScore } from './words';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One text cell: defused if it could start a formula, quoted if it holds a comma, quote or line break. */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Numbers are written by the kit, never by students: plain, with '.' decimals. */
export const csvNumber = (n: number): string => formatScore(n);

export function toCsv(records: StudentRecord[]): string {
  const sorted = sortRecords(records);
  const exerciseIds = exerciseColumns(sorted);
  const header = ['student_id', ...exerciseIds, 'integration', 'total', 'max'].map(csvText);
  const rows = sorted.map((record) => [
    csvText(record.studentId),
    // an exercise this run did not grade (--only) is an empty cell, not a 0
    ...exerciseIds.map((id) => {
      const exercise = record.exercises.find((e) => e.exercise === id);
      return exercise?.status === 'skipped' ? '' : csvNumber(exercise?.score ?? 0);
    }),
    csvNumber(record.integration.score),
    csvNumber(record.score),
    csvNumber(record.maxScore),
  ]);
  return [header, ...rows].map((cells) => `${cells.join(',')}\r\n`).join('');
}

/** Every exercise any record has, in the order the records list them (track order). */
function exerciseColumns(records: StudentRecord[]): string[] {
  const ids: string[] = [];
  for (const record of records) for (const e of record.exercises) if (!ids.includes(e.exercise)) ids.push(e.exercise);
  return ids;
}

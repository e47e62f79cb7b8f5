/** The class at a glance: means, pass rates, failures and the most frequent misconceptions. */
import type { ClassSummary, StudentRecord } from '../results/types';
import { round } from '../scoring/score';
import { exerciseComplete } from './words';

/** Records in a fixed order: by student id (code point order, not locale order, so every machine agrees). */
export function sortRecords(records: StudentRecord[]): StudentRecord[] {
  return [...records].sort((a, b) => compareText(a.studentId, b.studentId) || compareText(a.dir, b.dir));
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const mean = (values: number[]): number => (values.length === 0 ? 0 : round(values.reduce((s, v) => s + v, 0) / values.length));

/** A student counts as a failure when nothing of theirs could be graded, or when grading them failed. */
export const gradingFailed = (record: StudentRecord): boolean => record.submission.fatal !== undefined || record.graderError !== undefined;

export function summarizeClass(records: StudentRecord[]): ClassSummary {
  const sorted = sortRecords(records);
  return {
    students: sorted.length,
    meanScore: mean(sorted.map((r) => r.score)),
    maxScore: sorted.reduce((max, r) => Math.max(max, r.maxScore), 0),
    failures: sorted.filter(gradingFailed).length,
    perExercise: perExercise(sorted),
    misconceptions: misconceptions(sorted),
  };
}

function perExercise(records: StudentRecord[]): ClassSummary['perExercise'] {
  // exercises in track order, as the records list them; a record without one counts as 0 there
  const exercises = new Map<string, { title: string; maxScore: number }>();
  for (const record of records) {
    for (const e of record.exercises) if (!exercises.has(e.exercise)) exercises.set(e.exercise, { title: e.title, maxScore: e.maxScore });
  }
  return [...exercises.entries()].map(([exercise, { title, maxScore }]) => {
    const graded = records.map((r) => r.exercises.find((e) => e.exercise === exercise));
    return {
      exercise,
      title,
      maxScore,
      meanScore: mean(graded.map((e) => e?.score ?? 0)),
      passRate: records.length === 0 ? 0 : round(graded.filter((e) => e !== undefined && exerciseComplete(e)).length / records.length),
    };
  });
}

function misconceptions(records: StudentRecord[]): ClassSummary['misconceptions'] {
  const found = new Map<string, { id: string; title: string; exercise: string; students: Set<string> }>();
  for (const record of records) {
    for (const exercise of record.exercises) {
      for (const check of exercise.checks) {
        for (const m of check.failure?.misconceptions ?? []) {
          const entry = found.get(m.id) ?? { id: m.id, title: m.title, exercise: exercise.exercise, students: new Set<string>() };
          entry.students.add(record.dir);
          found.set(m.id, entry);
        }
      }
    }
  }
  return [...found.values()]
    .map(({ students, ...rest }) => ({ ...rest, students: students.size }))
    .sort((a, b) => b.students - a.students || compareText(a.exercise, b.exercise) || compareText(a.id, b.id));
}

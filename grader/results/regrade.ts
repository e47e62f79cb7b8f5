/**
 * `grade --only … --out R` where R holds earlier records: the named exercises are graded again
 * and every other exercise is kept from the student's earlier record. Only records graded with
 * the same kit, config and secret are combined; anything else is refused before grading starts,
 * so a folder never ends up holding a mix no single run could have produced.
 */
import { KitError } from '../errors';
import { printable } from '../printable';
import { gradedWithDifference, type GradedWith } from './graded-with';
import { readStudentRecord } from './read';
import { recordTotals } from './record';
import type { StudentRecord } from './types';

/** The earlier records of these students in outDir, each checked to have been graded with `wanted`. */
export function readEarlierRecords(outDir: string, students: { id: string; dir: string }[], wanted: GradedWith): Map<string, StudentRecord> {
  const earlier = new Map<string, StudentRecord>();
  const refused = new Map<string, string[]>();
  for (const { id, dir } of students) {
    const record = readStudentRecord(outDir, dir, id);
    if (!record) continue;
    const why = gradedWithDifference(wanted, record.gradedWith);
    if (why) refused.set(why, [...(refused.get(why) ?? []), id]);
    else earlier.set(id, record);
  }
  if (refused.size > 0) {
    const reasons = [...refused.entries()].map(([why, ids]) => `${why} (${namesOf(ids)})`).join('; ');
    throw new KitError(
      'REGRADE_INCOMPATIBLE',
      `${outDir} holds records this run cannot build on: ${reasons}. Keeping their other exercises would mix grades no single run could give.`,
      'Grade with the same kit, config and secret as before, or grade every exercise (without --only), or write to an empty --out folder.',
    );
  }
  return earlier;
}

/** The earlier record with the exercises of `only` taken from the new one; totals recomputed. */
export function regradedRecord(earlier: StudentRecord, fresh: StudentRecord, only: string[]): StudentRecord {
  const exercises = fresh.exercises.map((e) => (only.includes(e.exercise) ? e : (earlier.exercises.find((k) => k.exercise === e.exercise) ?? e)));
  // the integration run needs every file; the earlier run's is the one of this same submission
  const integration = earlier.integration;
  const graderError = fresh.graderError ?? earlier.graderError;
  const { graderError: _dropped, ...rest } = fresh;
  return { ...rest, exercises, integration, ...recordTotals(exercises, integration), ...(graderError ? { graderError } : {}) };
}

/** Up to 10 ids, then how many more: for one-line messages. */
export function namesOf(ids: string[]): string {
  const shown = ids.slice(0, 10).map((id) => printable(id, { oneLine: true }));
  return ids.length > 10 ? `${shown.join(', ')} and ${ids.length - 10} more` : shown.join(', ');
}

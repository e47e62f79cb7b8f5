/**
 * What the class reports say about the grading itself: when, with which kit version and config
 * file, whether a course secret was used, and which exercises were graded when a run graded only
 * some. All of it comes from the records (and the config file's name), so the class reports of
 * merged shards say the same as one run's.
 */
import type { StudentRecord } from '../results/types';
import { exerciseLabel } from './words';

export interface RunInfo {
  /** the --config file as given; undefined for the kit's default */
  configFile?: string;
}

export interface PartialRun {
  /** exercises graded for every student */
  graded: string[];
  /** exercises not graded for some student (skipped by --only) */
  notGraded: string[];
}

/** Which exercises the records leave ungraded, or undefined when every record has every exercise graded. */
export function partialRun(records: StudentRecord[]): PartialRun | undefined {
  const ids: string[] = [];
  const notGraded = new Set<string>();
  for (const record of records) {
    for (const e of record.exercises) {
      if (!ids.includes(e.exercise)) ids.push(e.exercise);
      if (e.status === 'skipped') notGraded.add(e.exercise);
    }
  }
  if (notGraded.size === 0) return undefined;
  return { graded: ids.filter((id) => !notGraded.has(id)), notGraded: ids.filter((id) => notGraded.has(id)) };
}

/** "Graded for every student: 03 sigmoid. Not graded for some or all students (0 points there): 01 linear-forward, …" */
export function partialRunText(partial: PartialRun, who: 'class' | 'student'): string {
  const list = (ids: string[]): string => (ids.length === 0 ? 'none' : ids.map(exerciseLabel).join(', '));
  return who === 'class'
    ? `Graded for every student: ${list(partial.graded)}. Not graded for some or all students (0 points there): ${list(partial.notGraded)}.`
    : `Graded: ${list(partial.graded)}. Not graded (0 points here): ${list(partial.notGraded)}.`;
}

export function runView(records: StudentRecord[], run: RunInfo = {}) {
  const times = records.map((r) => r.timing.gradedAt).filter((t): t is string => typeof t === 'string').sort();
  const versions = distinct(records.map((r) => r.gradedWith?.kitVersion ?? 'unknown'));
  const secrets = distinct(records.map((r) => (r.gradedWith ? (r.gradedWith.courseSecret ? 'yes' : 'no') : 'unknown')));
  const partial = partialRun(records);
  return {
    gradedAt: times.length === 0 ? 'unknown' : timeSpan(times[0]!, times.at(-1)!),
    kitVersion: versions.join(', ') || 'unknown',
    configFile: run.configFile ?? 'the kit’s default (grader/config/default.json)',
    courseSecret: secrets.length === 1 && secrets[0] === 'yes' ? 'yes' : secrets.length === 1 && secrets[0] === 'no' ? 'no (the public demo secret: the hidden inputs are predictable)' : secrets.join(', ') || 'unknown',
    partial: partial ? partialRunText(partial, 'class') : undefined,
  };
}

const distinct = (values: string[]): string[] => [...new Set(values)];

/** "2026-12-01 23:10 UTC", "2026-12-01 23:10 to 23:14 UTC" or "2026-12-01 23:10 to 2026-12-02 00:05 UTC", from ISO times. */
function timeSpan(first: string, last: string): string {
  const [day, minute] = [(iso: string) => iso.slice(0, 10), (iso: string) => iso.slice(11, 16)];
  if (day(first) !== day(last)) return `${day(first)} ${minute(first)} to ${day(last)} ${minute(last)} UTC`;
  return minute(first) === minute(last) ? `${day(last)} ${minute(last)} UTC` : `${day(last)} ${minute(first)} to ${minute(last)} UTC`;
}

/** The words and numbers every report uses, so Gradescope, Markdown, HTML and CSV agree. */
import type { CheckStatus } from '../checks/outcome';
import { formatValue } from '../checks/format';
import type { ExerciseStatus } from '../run/types';
import type { ScoredExercise, StudentRecord } from '../results/types';
import { round } from '../scoring/score';

/** Scores as stored (3 decimals at most), without trailing zeros, '.' decimals, never "-0". */
export function formatScore(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const value = round(n);
  return Object.is(value, -0) ? '0' : String(value);
}

export const scoreOutOf = (score: number, maxScore: number): string => `${formatScore(score)} / ${formatScore(maxScore)}`;

export const percentOf = (score: number, maxScore: number): number => (maxScore > 0 ? Math.round((100 * score) / maxScore) : 0);

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const formatMs = (ms: number): string => (ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

/** What an exercise's status means, in a few words a student understands. */
export function exerciseStatusText(exercise: ScoredExercise, limits: StudentRecord['limits']): string {
  const texts: Record<ExerciseStatus, string> = {
    graded: gradedText(exercise),
    'not-implemented': 'not implemented yet (still the stub)',
    missing: 'file missing',
    unreadable: 'file unreadable',
    'syntax-error': 'syntax error',
    'import-error': 'forbidden import',
    'type-error': 'type error',
    crashed: 'crashed',
    timeout: `time limit reached (${formatMs(limits.timeoutMs)})`,
    'out-of-memory': `memory limit reached (${limits.memoryMb} MB)`,
    skipped: 'not graded in this run',
  };
  return texts[exercise.status];
}

function gradedText(exercise: ScoredExercise): string {
  const passed = exercise.checks.filter((c) => c.status === 'passed').length;
  return passed === exercise.checks.length ? 'all checks passed' : `${passed} of ${plural(exercise.checks.length, 'check')} passed`;
}

/** A one-word abbreviation for crowded tables (the class page). */
export const EXERCISE_STATUS_SHORT: Record<ExerciseStatus, string> = {
  graded: '',
  'not-implemented': 'stub',
  missing: 'missing',
  unreadable: 'unreadable',
  'syntax-error': 'syntax',
  'import-error': 'import',
  'type-error': 'types',
  crashed: 'crash',
  timeout: 'time',
  'out-of-memory': 'memory',
  skipped: 'skipped',
};

export const CHECK_STATUS_TEXT: Record<CheckStatus, string> = {
  passed: 'passed',
  failed: 'failed',
  'not-implemented': 'not implemented',
  error: 'error',
  'not-run': 'not run',
};

/** Every check passed (the score can fall a rounding step short of the maximum, so ask the checks). */
export const exerciseComplete = (exercise: ScoredExercise): boolean =>
  exercise.status === 'graded' && exercise.checks.every((c) => c.status === 'passed');

/** "04-softmax" → "04 softmax": the number apart, the folder name recognisable. */
export const exerciseLabel = (exerciseId: string): string => exerciseId.replace('-', ' ');

/** "04-softmax" → "04" */
export const exerciseNumber = (exerciseId: string): string => exerciseId.split('-')[0] ?? exerciseId;

// JSON has no NaN or Infinity, so the record keeps them as strings (see jsonSafe); show them as numbers again.
const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity']);
const revive = (value: unknown): unknown => {
  if (typeof value === 'string' && NON_FINITE.has(value)) return Number(value);
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  return value;
};

/** A stored expected/actual value: a single number in full (a 1e-9 miss must show), anything larger shortened. */
export function formatRecordedValue(value: unknown): string {
  const revived = revive(value);
  if (typeof revived === 'number') return Object.is(revived, -0) ? '-0' : String(revived);
  return formatValue(revived);
}

/**
 * What a student's feedback shows, computed once from the record and rendered by the
 * Markdown and HTML templates and by the Gradescope test outputs alike. Raw text only:
 * the templates escape it for their format.
 */
import type { CheckStatus } from '../checks/outcome';
import type { ExerciseStatus, IntegrationQuantity } from '../run/types';
import type { ScoredCheck, ScoredExercise, StudentRecord } from '../results/types';
import { flowSvg } from '../student/flow-svg';
import { divergenceSentence } from '../student/trace-format';
import { readmeLink, type ResolvedReportOptions } from './options';
import { type SafeString, trustedMarkup } from './templates';
import { partialRun, partialRunText } from './run-view';
import {
  CHECK_STATUS_TEXT,
  exerciseComplete,
  exerciseLabel,
  exerciseNumber,
  exerciseStatusText,
  formatMs,
  formatRecordedValue,
  percentOf,
  plural,
  scoreOutOf,
} from './words';

export type Tone = 'full' | 'partial' | 'none' | 'problem' | 'skipped';

export interface CheckView {
  number: string;
  name: string;
  status: CheckStatus;
  statusText: string;
  scoreText: string;
  /** "0 of 4 trials passed", when the check has several trials */
  trialsText?: string;
  message?: string;
  /** the quantity compared, e.g. softmax(z)[0] */
  path?: string;
  expected?: string;
  actual?: string;
  trial?: string;
  input?: string;
  misconceptions: { id: string; title: string; explanation: string }[];
}

/** Checks that did not run for one reason (the exercise stopped, the file is a stub, …). */
export interface CheckGroup {
  statusText: string;
  /** omitted when it only repeats the exercise's message */
  reason?: string;
  checks: CheckView[];
}

export interface ProblemView {
  kind: string;
  /** "line 12", or "" when the compiler gave no line */
  where: string;
  message: string;
}

export interface ExerciseView {
  id: string;
  anchor: string;
  number: string;
  label: string;
  title: string;
  score: number;
  maxScore: number;
  scoreText: string;
  percent: number;
  status: ExerciseStatus;
  statusText: string;
  tone: Tone;
  complete: boolean;
  /** why the exercise was not (fully) graded */
  message?: string;
  /** failed checks, first in the exercise's section */
  failures: CheckView[];
  notRun: CheckGroup[];
  /** the misconceptions the failures name, each once, with their explanation */
  misconceptions: { id: string; title: string; explanation: string }[];
  passed: CheckView[];
  passedSummary: string;
  problems: ProblemView[];
  output?: string;
  /** the limit the code ran into, with its value and what usually causes it */
  limit?: string;
  readme: { path: string; url?: string };
}

export interface IntegrationView {
  scoreText: string;
  hasPoints: boolean;
  right: number;
  wrong: number;
  unavailable: number;
  total: number;
  summary: string;
  message?: string;
  quantities: { name: string; status: IntegrationQuantity['status']; mark: string; statusText: string; message?: string }[];
  /** quantities grouped by result and reason, for a compact table */
  rows: { status: IntegrationQuantity['status']; statusText: string; names: string[]; reason?: string }[];
  /** the cascade of the student's steps: where it first goes wrong, and its picture (SVG markup the kit built and escaped) */
  flow?: { divergence: string; svg: SafeString };
}

export interface NotesView {
  any: boolean;
  submissionName: string;
  kind: 'folder' | 'zip';
  foundAt: string | null;
  fatal?: string;
  graderError?: string;
  missing: { label: string; message: string }[];
  notes: string[];
  extraFiles: string[];
}

export interface FeedbackView {
  courseTitle: string;
  studentId: string;
  scoreText: string;
  percent: number;
  completeCount: number;
  exerciseCount: number;
  limits: { time: string; memory: string };
  notes: NotesView;
  exercises: ExerciseView[];
  integration: IntegrationView;
  /** which exercises were graded, when a run (--only) graded only some */
  partial?: string;
}

const MARK: Record<IntegrationQuantity['status'], string> = { right: '✓', wrong: '✗', unavailable: '–' };

export function feedbackView(record: StudentRecord, options: ResolvedReportOptions): FeedbackView {
  const exercises = record.exercises.map((e) => exerciseView(e, record.limits, options));
  const partial = partialRun([record]);
  return {
    ...(partial ? { partial: partialRunText(partial, 'student') } : {}),
    courseTitle: options.courseTitle,
    studentId: record.studentId,
    scoreText: scoreOutOf(record.score, record.maxScore),
    percent: percentOf(record.score, record.maxScore),
    completeCount: exercises.filter((e) => e.complete).length,
    exerciseCount: exercises.length,
    limits: { time: formatMs(record.limits.timeoutMs), memory: `${record.limits.memoryMb} MB` },
    notes: notesView(record),
    exercises,
    integration: integrationView(record.integration),
  };
}

export function exerciseView(exercise: ScoredExercise, limits: StudentRecord['limits'], options: ResolvedReportOptions): ExerciseView {
  const checks = exercise.checks.map(checkView);
  const detailed = (c: ScoredCheck) =>
    c.status === 'failed' || c.status === 'error' || (c.status === 'not-implemented' && exercise.status !== 'not-implemented');
  const failures = checks.filter((_, i) => detailed(exercise.checks[i]!));
  const passed = checks.filter((c) => c.status === 'passed');
  const rest = exercise.checks.filter((c) => c.status !== 'passed' && !detailed(c));
  const limit = limitText(exercise, limits);
  return {
    id: exercise.exercise,
    anchor: `exercise-${exercise.exercise}`,
    number: exerciseNumber(exercise.exercise),
    label: exerciseLabel(exercise.exercise),
    title: exercise.title,
    score: exercise.score,
    maxScore: exercise.maxScore,
    scoreText: scoreOutOf(exercise.score, exercise.maxScore),
    percent: percentOf(exercise.score, exercise.maxScore),
    status: exercise.status,
    statusText: exerciseStatusText(exercise, limits),
    tone: tone(exercise),
    complete: exerciseComplete(exercise),
    // a limit hit has its own, fuller sentence (limit), so the short message would only repeat it
    ...(exercise.message && exercise.status !== 'graded' && !exercise.limitHit ? { message: exercise.message } : {}),
    failures,
    // a stub's checks all say "not implemented" in slightly different words: one group is enough
    notRun: groupChecks(rest, exercise.status === 'not-implemented' ? undefined : exercise.message, exercise.status === 'not-implemented'),
    misconceptions: uniqueById(failures.flatMap((c) => c.misconceptions)),
    passed,
    passedSummary: passed.length === 0 ? '' : passed.length === checks.length ? `All ${plural(checks.length, 'check')} passed.` : `${plural(passed.length, 'check')} passed.`,
    problems: exercise.problems.map((p) => ({ kind: p.kind, where: p.line === undefined ? '' : `line ${p.line}`, message: p.message })),
    ...(exercise.output.trim() ? { output: exercise.output } : {}),
    ...(limit ? { limit } : {}),
    readme: readmeLink(exercise.readme, options),
  };
}

export function checkView(check: ScoredCheck): CheckView {
  const failure = check.failure;
  const trials = check.trials.total > 1 ? `${check.trials.passed} of ${plural(check.trials.total, 'trial')} passed` : undefined;
  return {
    number: check.number,
    name: check.name,
    status: check.status,
    statusText: CHECK_STATUS_TEXT[check.status],
    scoreText: scoreOutOf(check.score, check.maxScore),
    ...(trials ? { trialsText: trials } : {}),
    ...(failure
      ? {
          message: failure.message,
          ...(failure.path !== undefined ? { path: failure.path } : {}),
          ...('expected' in failure ? { expected: formatRecordedValue(failure.expected) } : {}),
          ...('actual' in failure ? { actual: formatRecordedValue(failure.actual) } : {}),
          ...(failure.trial ? { trial: failure.trial } : {}),
          ...(failure.input ? { input: failure.input } : {}),
        }
      : {}),
    misconceptions: failure?.misconceptions ?? [],
  };
}

function groupChecks(checks: ScoredCheck[], exerciseMessage: string | undefined, ignoreReasons: boolean): CheckGroup[] {
  const groups: CheckGroup[] = [];
  for (const check of checks) {
    const reason = ignoreReasons ? undefined : check.failure?.message;
    const statusText = CHECK_STATUS_TEXT[check.status];
    let group = groups.find((g) => g.statusText === statusText && (g.reason ?? exerciseMessage) === reason);
    if (!group) {
      group = { statusText, ...(reason && reason !== exerciseMessage ? { reason } : {}), checks: [] };
      groups.push(group);
    }
    group.checks.push(checkView(check));
  }
  return groups;
}

const uniqueById = <T extends { id: string }>(items: T[]): T[] => items.filter((item, i) => items.findIndex((other) => other.id === item.id) === i);

function tone(exercise: ScoredExercise): Tone {
  if (exercise.status === 'skipped') return 'skipped';
  if (exerciseComplete(exercise)) return 'full';
  if (exercise.status !== 'graded') return 'problem';
  return exercise.score > 0 ? 'partial' : 'none';
}

function limitText(exercise: ScoredExercise, limits: StudentRecord['limits']): string | undefined {
  if (exercise.limitHit === 'time') {
    return `Your code was stopped after the time limit of ${formatMs(limits.timeoutMs)} (memory limit ${limits.memoryMb} MB). A loop whose condition never becomes false is the usual cause; the checks after that point did not run.`;
  }
  if (exercise.limitHit === 'memory') {
    return `Your code was stopped at the memory limit of ${limits.memoryMb} MB (time limit ${formatMs(limits.timeoutMs)}). An array that keeps growing in a loop is the usual cause; the checks after that point did not run.`;
  }
  return undefined;
}

function notesView(record: StudentRecord): NotesView {
  const { submission } = record;
  const missing = record.exercises
    .filter((e) => e.status === 'missing' || submission.missing.includes(e.exercise))
    .map((e) => ({ label: exerciseLabel(e.exercise), message: e.message ?? `${e.readme.replace(/README\.md$/, '')} was not found` }));
  const view: NotesView = {
    any: false,
    submissionName: submission.name,
    kind: submission.kind,
    foundAt: submission.foundAt,
    ...(submission.fatal ? { fatal: submission.fatal.message } : {}),
    ...(record.graderError ? { graderError: record.graderError } : {}),
    // with a fatal problem every exercise is missing: the fatal message says it all
    missing: submission.fatal ? [] : missing,
    notes: submission.notes,
    extraFiles: submission.extraFiles,
  };
  view.any = Boolean(view.fatal || view.graderError || view.missing.length || view.notes.length || view.extraFiles.length);
  return view;
}

function integrationView(integration: StudentRecord['integration']): IntegrationView {
  const count = (status: IntegrationQuantity['status']) => integration.quantities.filter((q) => q.status === status).length;
  const rows: IntegrationView['rows'] = [];
  const groups = new Map<string, { status: IntegrationQuantity['status']; names: string[]; reason?: string }>();
  for (const q of integration.quantities) {
    const key = `${q.status}\0${q.message ?? ''}`;
    const group = groups.get(key) ?? { status: q.status, names: [], ...(q.message ? { reason: q.message } : {}) };
    group.names.push(q.name);
    groups.set(key, group);
  }
  const order: IntegrationQuantity['status'][] = ['wrong', 'unavailable', 'right'];
  for (const status of order) {
    for (const group of groups.values()) {
      if (group.status === status) rows.push({ status, statusText: group.names.length > 1 ? `${status} (${group.names.length})` : status, names: group.names, ...(group.reason ? { reason: group.reason } : {}) });
    }
  }
  const right = count('right');
  return {
    scoreText: scoreOutOf(integration.score, integration.maxScore),
    hasPoints: integration.maxScore > 0,
    right,
    wrong: count('wrong'),
    unavailable: count('unavailable'),
    total: integration.total,
    summary: `${right} of ${integration.total} quantities right, ${count('wrong')} wrong, ${count('unavailable')} unavailable`,
    ...(integration.message ? { message: integration.message } : {}),
    quantities: integration.quantities.map((q) => ({ name: q.name, status: q.status, mark: MARK[q.status], statusText: q.status, ...(q.message ? { message: q.message } : {}) })),
    rows,
    ...(integration.cascade ? { flow: { divergence: divergenceSentence(integration.cascade), svg: trustedMarkup(flowSvg(integration.cascade, { id: 'gradient-flow', caption: 'The gradient flow of the worked example through your own steps, chained' })) } } : {}),
  };
}

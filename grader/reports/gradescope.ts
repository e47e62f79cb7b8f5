/**
 * A student's Gradescope results.json: one test per hidden check, one for the
 * integration run, and the record's score on top. No timing fields (the same grades
 * must give the same file) and nothing from a hidden spec's code: check names,
 * messages, inputs and values only.
 */
import type { ScoredCheck, ScoredExercise, StudentRecord } from '../results/types';
import { checkView, feedbackView, type ExerciseView, type FeedbackView } from './feedback-view';
import { resolveReportOptions, type ReportOptions } from './options';
import { render } from './templates';
import { exerciseLabel } from './words';

export interface GradescopeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output: string;
  tags: string[];
  visibility: 'visible';
}

export interface GradescopeResults {
  score: number;
  output: string;
  output_format: 'md';
  test_output_format: 'md';
  visibility: 'visible';
  extra_data: {
    studentId: string;
    maxScore: number;
    integration: { score: number; maxScore: number; right: number; wrong: number; unavailable: number; total: number; message?: string };
    limits: { timeoutMs: number; memoryMb: number };
  };
  tests: GradescopeTest[];
}

export function toGradescope(record: StudentRecord, options?: ReportOptions): GradescopeResults {
  return gradescopeFromView(record, feedbackView(record, resolveReportOptions(options)));
}

/** The same, from the feedback's view model (writeStudentReports has it already). */
export function gradescopeFromView(record: StudentRecord, view: FeedbackView): GradescopeResults {
  return {
    score: record.score,
    output: render('gradescope-summary.md', view),
    output_format: 'md',
    test_output_format: 'md',
    visibility: 'visible',
    extra_data: extraData(record, view),
    tests: [...record.exercises.flatMap((e, i) => renderedExerciseTests(e, view.exercises[i]!)), integrationTest(record, view)],
  };
}

/** What Gradescope keeps for the instructor alongside the tests. */
export function extraData(record: StudentRecord, view: FeedbackView): GradescopeResults['extra_data'] {
  const integration = view.integration;
  return {
    studentId: record.studentId,
    maxScore: record.maxScore,
    integration: {
      score: record.integration.score,
      maxScore: record.integration.maxScore,
      right: integration.right,
      wrong: integration.wrong,
      unavailable: integration.unavailable,
      total: integration.total,
      ...(integration.message ? { message: integration.message } : {}),
    },
    limits: { timeoutMs: record.limits.timeoutMs, memoryMb: record.limits.memoryMb },
  };
}

/**
 * The tests of an exercise, rendered once per distinct exercise result: students with the
 * same file get the same result, and rendering a test per check is most of a report's cost.
 */
const renderedTests = new Map<string, GradescopeTest[]>();
const RENDERED_TESTS_KEPT = 2000;

function renderedExerciseTests(exercise: ScoredExercise, exerciseDetails: ExerciseView): GradescopeTest[] {
  const key = JSON.stringify([exercise, exerciseDetails]);
  let tests = renderedTests.get(key);
  if (!tests) {
    if (renderedTests.size >= RENDERED_TESTS_KEPT) renderedTests.clear();
    renderedTests.set(key, (tests = exerciseTests(exercise, exerciseDetails)));
  }
  return tests;
}

function exerciseTests(exercise: ScoredExercise, exerciseDetails: ExerciseView): GradescopeTest[] {
  return exercise.checks.map((check) => ({
    name: `${exerciseLabel(exercise.exercise)} › ${check.name}`,
    number: check.number,
    score: check.score,
    max_score: check.maxScore,
    status: check.status === 'passed' ? 'passed' : 'failed',
    output: render('gradescope-test.md', { check: checkView(check), exercise: exerciseDetails, detailed: isDetailed(check, exerciseDetails) }),
    tags: [
      `exercise:${exercise.exercise}`,
      `status:${check.status}`,
      ...(exercise.status === 'graded' ? [] : [`exercise-status:${exercise.status}`]),
      ...(check.failure?.misconceptions ?? []).map((m) => `misconception:${m.id}`),
    ],
    visibility: 'visible',
  }));
}

// A check is told in full when it ran and failed; one stopped with its exercise gets the exercise's reason.
const isDetailed = (check: ScoredCheck, exercise: ExerciseView): boolean => exercise.failures.some((f) => f.number === check.number);

export function integrationTest(record: StudentRecord, view: FeedbackView): GradescopeTest {
  const { integration } = record;
  return {
    name: 'Integration › the worked example through your own modules',
    number: String(record.exercises.length + 1),
    score: integration.score,
    max_score: integration.maxScore,
    status: integration.right === integration.total ? 'passed' : 'failed',
    output: render('gradescope-test.md', { integration: view.integration }),
    tags: ['integration', `status:${integration.right === integration.total ? 'passed' : 'failed'}`],
    visibility: 'visible',
  };
}

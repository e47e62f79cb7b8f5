/**
 * The results.json the Gradescope autograder (`backprop-kit gradescope`) writes for one
 * submission: one test per exercise with that exercise's feedback, the integration run as
 * a test of its own (0 points unless the config gives it some), the summary on top, the
 * visibility the config chose, and how long grading took.
 */
import type { StudentRecord } from '../results/types';
import type { GradingConfig } from '../scoring/config';
import { extraData, integrationTest, type GradescopeResults, type GradescopeTest } from './gradescope';
import type { GradescopeVisibility } from './gradescope-schema';
import { feedbackView } from './feedback-view';
import { resolveReportOptions } from './options';
import { render } from './templates';
import { exerciseNumber } from './words';

/** A per-check test's fields, with the visibility the config chose */
export type AutograderTest = Omit<GradescopeTest, 'visibility'> & { output_format: 'md'; visibility: GradescopeVisibility };

export interface AutograderResults {
  score: number;
  execution_time: number;
  output: string;
  output_format: 'md';
  test_output_format: 'md';
  visibility: GradescopeVisibility;
  stdout_visibility: GradescopeVisibility;
  extra_data: GradescopeResults['extra_data'];
  tests: AutograderTest[];
}

export function autograderResults(record: StudentRecord, reports: GradingConfig['reports'], executionSeconds: number): AutograderResults {
  const view = feedbackView(record, resolveReportOptions(reports));
  const visibility = reports.gradescope?.visibility ?? 'visible';
  return {
    score: record.score,
    execution_time: Math.round(executionSeconds * 100) / 100,
    output: render('gradescope-summary.md', view),
    output_format: 'md',
    test_output_format: 'md',
    visibility,
    stdout_visibility: reports.gradescope?.stdoutVisibility ?? 'hidden',
    extra_data: extraData(record, view),
    tests: [
      ...record.exercises.map((exercise, i): AutograderTest => {
        const exerciseView = view.exercises[i]!;
        return {
          name: `${exerciseNumber(exercise.exercise)} ${exercise.title}`,
          number: String(i + 1),
          score: exercise.score,
          max_score: exercise.maxScore,
          status: exerciseView.complete ? 'passed' : 'failed',
          output: render('gradescope-exercise.md', exerciseView),
          output_format: 'md',
          tags: [`exercise:${exercise.exercise}`, `status:${exercise.status}`, ...exerciseView.misconceptions.map((m) => `misconception:${m.id}`)],
          visibility,
        };
      }),
      { ...integrationTest(record, view), output_format: 'md', visibility },
    ],
  };
}

/** What the class page (index.html) shows, computed from the sorted records and their summary. */
import type { ClassSummary, StudentRecord } from '../results/types';
import type { ResolvedReportOptions } from './options';
import { passRateSvg, scoreHistogramSvg } from './svg';
import { gradingFailed } from './summary';
import { trustedMarkup } from './templates';
import { EXERCISE_STATUS_SHORT, exerciseComplete, exerciseLabel, exerciseNumber, exerciseStatusText, formatScore, percentOf, scoreOutOf } from './words';

/** Where a student's feedback lives, relative to the class page. */
export const feedbackHref = (record: StudentRecord): string => `students/${encodeURIComponent(record.dir)}/feedback.html`;

export function classView(records: StudentRecord[], summary: ClassSummary, options: ResolvedReportOptions) {
  const exercises = summary.perExercise.map((e) => ({
    id: e.exercise,
    number: exerciseNumber(e.exercise),
    label: exerciseLabel(e.exercise),
    title: e.title,
    meanText: formatScore(e.meanScore),
    maxText: formatScore(e.maxScore),
    passPercent: Math.round(e.passRate * 100),
  }));
  return {
    courseTitle: options.courseTitle,
    summary: {
      students: summary.students,
      meanText: scoreOutOf(summary.meanScore, summary.maxScore),
      meanPercent: percentOf(summary.meanScore, summary.maxScore),
      failures: summary.failures,
      complete: records.filter((r) => r.exercises.length > 0 && r.exercises.every(exerciseComplete)).length,
    },
    histogram: trustedMarkup(scoreHistogramSvg(records.map((r) => r.score), summary.maxScore)),
    passRates: trustedMarkup(passRateSvg(summary.perExercise.map((e) => ({ label: exerciseLabel(e.exercise), title: `${exerciseLabel(e.exercise)}: ${e.title}`, passRate: e.passRate })))),
    misconceptions: summary.misconceptions.map((m) => ({
      ...m,
      exerciseLabel: exerciseLabel(m.exercise),
      percent: summary.students === 0 ? 0 : Math.round((100 * m.students) / summary.students),
    })),
    exercises,
    students: records.map((record) => ({
      id: record.studentId,
      href: feedbackHref(record),
      scoreText: formatScore(record.score),
      maxText: formatScore(record.maxScore),
      percent: percentOf(record.score, record.maxScore),
      failed: gradingFailed(record),
      failure: record.submission.fatal?.message ?? record.graderError ?? '',
      cells: summary.perExercise.map((column) => {
        const exercise = record.exercises.find((e) => e.exercise === column.exercise);
        if (!exercise) return { text: '–', short: '', tone: 'skipped', title: 'not in this record' };
        const complete = exerciseComplete(exercise);
        return {
          text: formatScore(exercise.score),
          short: EXERCISE_STATUS_SHORT[exercise.status],
          tone: exercise.status === 'skipped' ? 'skipped' : complete ? 'full' : exercise.status !== 'graded' ? 'problem' : exercise.score > 0 ? 'partial' : 'none',
          title: `${exerciseLabel(exercise.exercise)}: ${scoreOutOf(exercise.score, exercise.maxScore)}, ${exerciseStatusText(exercise, record.limits)}`,
        };
      }),
      integrationText: `${record.integration.right}/${record.integration.total}`,
    })),
  };
}

/** Turns a worker's StudentRun into scored exercises: points per check, partial credit, totals. */
import type { HiddenSpec } from '../checks/dsl';
import { describeNamings } from '../misconceptions/describe';
import type { Misconception } from '../misconceptions/detect';
import type { ScoredCheck, ScoredExercise, StudentRecord } from '../results/types';
import { INTEGRATION_QUANTITY_COUNT } from '../run/integration';
import type { ExerciseRun, StudentRun } from '../run/types';
import type { Exercise } from '../track';
import { checkPoints, type GradingConfig } from './config';

/** Scores are kept to 3 decimals so sums and reports do not show 9.999999. */
export const round = (n: number): number => Math.round(n * 1000) / 1000;

export function scoreExercises(run: StudentRun, config: GradingConfig, track: Exercise[], specs: Map<string, HiddenSpec>, catalogue: Misconception[]): ScoredExercise[] {
  return run.exercises.map((exerciseRun, index) => {
    const exercise = track.find((e) => e.id === exerciseRun.exercise)!;
    const points = checkPoints(config, exercise.id, specs.get(exercise.id));
    const checks = scoreChecks(exerciseRun, points, index + 1, catalogue);
    const maxScore = round([...points.values()].reduce((s, p) => s + p, 0));
    // from the exact points, not the rounded check scores, so a perfect exercise scores exactly its points
    const fractions = new Map(exerciseRun.checks.map((c) => [c.name, c.fraction]));
    const exact = [...points.entries()].reduce((s, [name, p]) => s + p * (fractions.get(name) ?? 0), 0);
    return {
      exercise: exercise.id,
      title: exercise.title,
      status: exerciseRun.status,
      ...(exerciseRun.message ? { message: exerciseRun.message } : {}),
      score: exerciseRun.status === 'skipped' ? 0 : round(exact),
      maxScore,
      checks,
      problems: exerciseRun.problems,
      output: exerciseRun.output,
      ...(exerciseRun.limitHit ? { limitHit: exerciseRun.limitHit } : {}),
      readme: `exercises/${exercise.id}/README.md`,
    };
  });
}

function scoreChecks(run: ExerciseRun, points: Map<string, number>, exerciseNumber: number, catalogue: Misconception[]): ScoredCheck[] {
  // exercises that never ran their checks still list them, at 0, so every report shows the same tests
  const outcomes = new Map(run.checks.map((c) => [c.name, c]));
  return [...points.entries()].map(([name, maxScore], i) => {
    const outcome = outcomes.get(name);
    const status = outcome?.status ?? 'not-run';
    const failure = outcome?.failure ?? (run.message ? { message: run.message, calls: [] } : undefined);
    return {
      name,
      number: `${exerciseNumber}.${i + 1}`,
      status,
      score: round(maxScore * (outcome?.fraction ?? 0)),
      maxScore: round(maxScore),
      trials: outcome?.trials ?? { passed: 0, total: 0 },
      ...(failure && status !== 'passed'
        ? {
            failure: {
              message: failure.message,
              ...(failure.path !== undefined ? { path: failure.path } : {}),
              ...('expected' in failure ? { expected: jsonSafe(failure.expected) } : {}),
              ...('actual' in failure ? { actual: jsonSafe(failure.actual) } : {}),
              ...(failure.trial ? { trial: failure.trial } : {}),
              ...(failure.input ? { input: failure.input } : {}),
              misconceptions: describeNamings(failure.misconceptions ?? [], catalogue),
            },
          }
        : {}),
    };
  });
}

export function scoreIntegration(run: StudentRun, config: GradingConfig): StudentRecord['integration'] {
  const right = run.integration.quantities.filter((q) => q.status === 'right').length;
  const total = INTEGRATION_QUANTITY_COUNT;
  const maxScore = config.integration.points;
  return {
    score: round((maxScore * right) / total),
    maxScore,
    right,
    total,
    quantities: run.integration.quantities,
    ...(run.integration.cascade ? { cascade: run.integration.cascade.map((e) => ('value' in e ? { ...e, value: jsonSafe(e.value) } : e)) } : {}),
    ...(run.integration.message ? { message: run.integration.message } : {}),
  };
}

/** JSON has no NaN or Infinity: keep them readable as strings instead of letting them become null. */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  return value;
}

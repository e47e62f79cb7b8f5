/** Feedback names what the code returned when it is not what the exercise asks for (graded in the sandbox, in this process). */
import { describe, expect, it } from 'vitest';
import { gradeInProcess, solutionSource } from './helpers/grading';

/** The first failure message of 02-relu with relu's return value replaced by `returned` (an expression of z). */
function firstFailure(returned: string): string | undefined {
  const source = solutionSource('02-relu').replace('return z.map((v) => Math.max(0, v));', `return ${returned} as unknown as Vector;`);
  const run = gradeInProcess({ '02-relu': source }, { only: ['02-relu'] });
  const relu = run.exercises.find((e) => e.exercise === '02-relu')!;
  expect(relu.status).toBe('graded');
  return relu.checks.find((c) => c.failure)?.failure?.message;
}

describe('feedback on a result of the wrong kind', () => {
  it.each([
    ['new Float64Array(z.map((v) => Math.max(0, v)))', 'a Float64Array'],
    ['((x: number) => x)', 'a function'],
    ['new Map()', 'a Map'],
    ['{ values: z }', 'an object'],
    ['z.length > 0', 'the boolean true'],
  ])('%s is described as %s', (returned, description) => {
    expect(firstFailure(returned)).toMatch(new RegExp(`but it is ${description}$`));
  });
});

/**
 * The GitHub Classroom workflow of a handout (`handout --classroom`): on every push, one
 * autograding-command-grader step per exercise runs that exercise's public specs and earns
 * the exercise's points from the config when they all pass, then the grading reporter sends
 * every step's result to GitHub Classroom. Public specs only: the hidden specs, and with them
 * the real grade, stay with the instructor (`backprop-kit grade`).
 */
import { KitError } from './errors';
import type { GradingConfig } from './scoring/config';
import type { Exercise } from './track';

export const CLASSROOM_WORKFLOW = '.github/workflows/classroom.yml';
/** minutes per step; the first step's includes npm ci, the others take seconds */
const STEP_TIMEOUT_MINUTES = 10;

export interface ClassroomStep {
  id: string;
  testName: string;
  command: string;
  maxScore: number;
}

/** One step per exercise: its public spec file, run by the handout's vitest. */
export function classroomSteps(config: GradingConfig, track: Exercise[]): ClassroomStep[] {
  return track.map((exercise) => {
    const points = config.exercises[exercise.id]?.points ?? config.defaultPoints;
    // the command grader reads max-score as a whole number (parseInt)
    if (!Number.isInteger(points)) {
      throw new KitError('CONFIG_INVALID', `${exercise.id} is worth ${points} points, and GitHub Classroom only gives whole points`, `Give ${exercise.id} a whole number of points in the config, or build the handout without --classroom.`);
    }
    return {
      id: `ex-${exercise.id}`,
      testName: `${exercise.id.slice(0, 2)} ${exercise.title}`,
      command: `npx vitest run exercises/${exercise.id}/${exercise.file.replace(/\.ts$/, '.spec.ts')}`,
      maxScore: points,
    };
  });
}

export function classroomWorkflow(config: GradingConfig, track: Exercise[]): string {
  const steps = classroomSteps(config, track);
  // every value in JSON quotes: a JSON string is a YAML double-quoted scalar, so nothing needs escaping by hand
  const q = (value: string | number): string => JSON.stringify(String(value));
  const lines = [
    '# GitHub Classroom autograding, written by `backprop-kit handout --classroom`. On every push each',
    '# exercise\'s public specs run in a step of their own and earn its points when they all pass;',
    '# the reporter then sends the points to GitHub Classroom. The hidden specs are not here: they',
    '# decide the grade when the instructor runs `backprop-kit grade`.',
    'name: Autograding Tests',
    '"on":',
    '  - push',
    '  - workflow_dispatch',
    '  - repository_dispatch',
    'permissions:',
    '  checks: write',
    '  actions: read',
    '  contents: read',
    'jobs:',
    '  run-autograding-tests:',
    '    runs-on: ubuntu-latest',
    `    if: ${q("github.actor != 'github-classroom[bot]'")}`,
    '    steps:',
    '      - name: Check out the code',
    '        uses: actions/checkout@v4',
    '      - name: Set up Node 24',
    '        uses: actions/setup-node@v4',
    '        with:',
    `          node-version: ${q(24)}`,
    '          cache: npm',
    ...steps.flatMap((step, i) => [
      `      - name: ${q(step.testName)}`,
      `        id: ${step.id}`,
      '        uses: classroom-resources/autograding-command-grader@v1',
      '        with:',
      `          test-name: ${q(step.testName)}`,
      // installed once, by the first step; the later steps use its node_modules
      ...(i === 0 ? [`          setup-command: ${q('npm ci')}`] : []),
      `          command: ${q(step.command)}`,
      `          timeout: ${STEP_TIMEOUT_MINUTES}`,
      `          max-score: ${step.maxScore}`,
    ]),
    '      - name: Autograding Reporter',
    '        uses: classroom-resources/autograding-grading-reporter@v1',
    '        env:',
    // the reporter reads each runner's result from <ID IN CAPITALS>_RESULTS
    ...steps.map((step) => `          ${step.id.toUpperCase()}_RESULTS: ${q(`\${{ steps.${step.id}.outputs.result }}`)}`),
    '        with:',
    `          runners: ${q(steps.map((step) => step.id).join(','))}`,
  ];
  return `${lines.join('\n')}\n`;
}

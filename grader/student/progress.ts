/**
 * How far a student is: runs the public specs of every exercise once (vitest's Node API,
 * silently) and sums up each exercise as done, in progress or not started.
 */
import path from 'node:path';
import type { Exercise } from '../track';

export type ExerciseState = 'done' | 'in progress' | 'not started';

export interface ExerciseProgress {
  exercise: Exercise;
  passed: number;
  total: number;
  state: ExerciseState;
  /** the first failing test's message, for the next exercise */
  firstFailure?: string;
}

export async function collectProgress(root: string, track: Exercise[]): Promise<ExerciseProgress[]> {
  const { startVitest } = await import('vitest/node');
  const silent = {}; // a reporter that reports nothing
  const vitest = await startVitest('test', ['exercises/'], { root, watch: false, run: true, reporters: [silent], config: path.join(root, 'vitest.config.ts') });
  try {
    const byFile = new Map(vitest.state.getTestModules().map((m) => [path.relative(root, m.moduleId).split(path.sep).join('/'), m]));
    return track.map((exercise) => {
      const module = [...byFile.entries()].find(([file]) => file.startsWith(`exercises/${exercise.id}/`))?.[1];
      const tests = module ? [...module.children.allTests()] : [];
      const results = tests.map((t) => t.result());
      const passed = results.filter((r) => r.state === 'passed').length;
      const failed = results.filter((r) => r.state === 'failed');
      const untouched = failed.length === results.length && failed.every((r) => r.errors?.[0]?.name === 'NotImplementedError');
      const state: ExerciseState = results.length > 0 && passed === results.length ? 'done' : untouched ? 'not started' : 'in progress';
      const firstFailure = failed[0]?.errors?.[0]?.message;
      return { exercise, passed, total: results.length, state, ...(firstFailure ? { firstFailure } : {}) };
    });
  } finally {
    await vitest.close();
  }
}

export function formatProgress(progress: ExerciseProgress[]): string {
  const titleWidth = Math.max(...progress.map((p) => p.exercise.title.length));
  const mark = { done: '✓ done', 'in progress': '… in progress', 'not started': '· not started' } as const;
  const lines = progress.map((p) => `  ${p.exercise.id.slice(0, 2)}  ${p.exercise.title.padEnd(titleWidth)}  ${`${p.passed}/${p.total}`.padStart(5)}  ${mark[p.state]}`);
  const done = progress.filter((p) => p.state === 'done').length;
  const next = progress.find((p) => p.state !== 'done');
  const footer = next
    ? [
        `${done}/${progress.length} exercises done. Next: ${next.exercise.id} (${next.exercise.title})`,
        ...(next.state === 'in progress' && next.firstFailure ? [`  first failure: ${next.firstFailure.split('\n')[0]}`] : []),
        `  run its specs:  npx vitest exercises/${next.exercise.id}`,
        `  get a hint:     npx backprop-kit hint ${next.exercise.id.slice(0, 2)}`,
      ]
    : [`All ${progress.length} exercises done. Well done!`];
  return [`  #   ${'exercise'.padEnd(titleWidth)}  specs`, ...lines, '', ...footer].join('\n');
}

/**
 * The terminal side of `npm run learn`: instead of every failure of every exercise (the
 * untouched course fails them all), a short summary that leads with the next unfinished
 * exercise, after each run. The details of every failure are in the vitest UI, and
 * `npx vitest exercises/NN-name` prints one exercise's in full.
 */
import path from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { loadTrack } from '../track';
import { nextSteps, summarize, type TestSummary } from './progress';

export default class LearnReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    if (!this.vitest) return;
    const { config, vite } = this.vitest;
    const ui = config.ui ? `http://${config.api?.host || 'localhost'}:${vite.config.server.port}${config.uiBase}` : 'npx vitest exercises/NN-name';
    process.stdout.write(`\n${learnSummary(config.root, this.vitest.state.getTestModules())}\n  every failure, in full: ${ui}\n`);
  }
}

/** Every exercise's progress from vitest's test modules (all of them so far, in watch mode too), as progress shows it. */
export function learnSummary(root: string, modules: readonly TestModule[]): string {
  const track = loadTrack(root);
  const progress = track.map((exercise) => {
    const module = modules.find((m) => path.relative(root, m.moduleId).split(path.sep).join('/').startsWith(`exercises/${exercise.id}/`));
    const tests: TestSummary[] = module
      ? [...module.children.allTests()].map((t) => {
          const result = t.result();
          const error = result.errors?.[0];
          return { state: result.state === 'passed' ? 'passed' : result.state === 'failed' ? 'failed' : 'skipped', ...(error ? { errorName: error.name ?? 'Error', message: error.message } : {}) };
        })
      : [];
    return summarize(exercise, tests);
  });
  const bar = progress.map((p) => (p.state === 'done' ? '✓' : p.state === 'in progress' ? '…' : '·')).join('');
  return [`backprop-kit: ${bar}`, ...nextSteps(progress)].join('\n');
}

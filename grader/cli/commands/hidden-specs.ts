import { Command } from 'commander';

/**
 * `hidden-specs`: every hidden check as a vitest test, against the reference solutions or
 * one student's folder, in the terminal, in watch mode or in the vitest UI. The code runs
 * in vitest's process, not in the grading sandbox: `grade` is for submissions at large.
 */
export function hiddenSpecsCommand(): Command {
  return new Command('hidden-specs')
    .description('run every hidden check as a vitest test, on the reference solutions or on one student’s folder')
    .option('--impl <dir>', "a student's exercises folder (or a project holding exercises/) instead of the reference solutions")
    .option('--seed <secret>', 'the course secret that seeds the hidden inputs, as for grade (or BACKPROP_KIT_SECRET)')
    .option('--watch', 're-run as the hidden specs, the catalogue or the checked code change')
    .option('--ui', 'open the vitest UI (watches too)')
    .argument('[filter...]', 'only the test files or names vitest matches (e.g. -t "softmax")')
    .allowUnknownOption()
    .action(async (filter: string[], options: { impl?: string; seed?: string; watch?: boolean; ui?: boolean }) => {
      const { runHiddenSpecs } = await import('../../hidden/vitest/run');
      process.exitCode = runHiddenSpecs({ ...options, extra: filter });
    });
}

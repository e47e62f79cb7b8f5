import { Command } from 'commander';

/**
 * `autograde`: what a Gradescope autograder's run_autograder runs. Grades <root>/submission as
 * one student and writes <root>/results/results.json. Hidden from the help: instructors build
 * the autograder with `gradescope` and never call this themselves.
 */
export function autogradeCommand(): Command {
  return new Command('autograde')
    .description('grade <root>/submission as one student and write <root>/results/results.json (run by the Gradescope autograder)')
    .option('--root <dir>', 'the autograder folder (default: AUTOGRADER_ROOT, else /autograder)')
    .requiredOption('-c, --config <file>', 'grading config, with the course secret')
    .action(async (options: { root?: string; config: string }) => {
      // the worker loads the kit while the rest of grading loads and reads the submission
      const { withWorkersStarted } = await import('../../run/start-workers');
      const { results, file } = await withWorkersStarted(async (workers) => {
        const { autograde } = await import('../../gradescope/autograde');
        const { createProgress } = await import('../../run/progress');
        const root = options.root ?? process.env.AUTOGRADER_ROOT ?? '/autograder';
        return autograde({ root, configFile: options.config, progress: createProgress(process.stdout), workers });
      });
      process.stdout.write(`graded ${results.extra_data.studentId}: ${results.score}/${results.extra_data.maxScore} in ${results.execution_time} s → ${file}\n`);
    });
}

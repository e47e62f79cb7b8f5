import { Command, InvalidArgumentError } from 'commander';
import { kitPath } from '../../paths';

const positiveInt = (name: string) => (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive whole number`);
  return n;
};
const list = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

/** `grade [submissions]`: grade a class; with no arguments, the bundled example class. */
export function gradeCommand(): Command {
  return new Command('grade')
    .description('grade every submission (a folder or .zip per student) and write the reports')
    .argument('[submissions]', 'folder with one folder or .zip per student', kitPath('examples', 'submissions'))
    .option('-o, --out <dir>', 'folder for the reports', 'reports')
    .option('-w, --workers <n>', 'grading processes (default: one per core)', positiveInt('--workers'))
    .option('-t, --timeout <ms>', 'time limit per exercise, in milliseconds', positiveInt('--timeout'))
    .option('-m, --memory <mb>', 'memory limit per student sandbox, in MiB', positiveInt('--memory'))
    .option('-s, --seed <secret>', 'course secret that seeds the hidden inputs (or set BACKPROP_KIT_SECRET)')
    .option('--only <exercises>', 'grade only these exercises (comma-separated ids, numbers or names)', list)
    .option('--resume', 'keep the students an earlier run finished with the same inputs')
    .option('-c, --config <file>', 'grading config (points, limits); see grader/config/default.json')
    .option('--no-type-check', 'do not type-check the submissions')
    .option('-q, --quiet', 'no progress output')
    .action(async (submissions: string, options: { out: string; workers?: number; timeout?: number; memory?: number; seed?: string; only?: string[]; resume?: boolean; config?: string; typeCheck: boolean; quiet?: boolean }) => {
      const { defaultWorkers, gradeClass } = await import('../../grade');
      const { createProgress } = await import('../../run/progress');
      const summary = await gradeClass({
        submissions,
        out: options.out,
        workers: options.workers ?? defaultWorkers(),
        ...(options.config ? { configFile: options.config } : {}),
        overrides: { timeoutMs: options.timeout, memoryMb: options.memory, typeCheck: options.typeCheck },
        ...(options.seed ? { secret: options.seed } : {}),
        ...(options.only ? { only: options.only } : {}),
        resume: Boolean(options.resume),
        progress: createProgress(process.stderr, options.quiet),
      });
      const resumed = summary.resumed > 0 ? ` (${summary.resumed} resumed)` : '';
      process.stdout.write(
        `graded ${summary.students} student(s)${resumed} in ${summary.seconds.toFixed(1)} s: mean ${summary.meanScore}/${summary.maxScore}, ${summary.failures} failure(s) → ${summary.outDir}/index.html\n`,
      );
    });
}

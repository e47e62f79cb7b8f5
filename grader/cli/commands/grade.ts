import { Command, InvalidArgumentError } from 'commander';
import { kitPath } from '../../paths';
import { parseShard, type Shard } from '../../run/shard';

const positiveInt = (name: string) => (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive whole number`);
  return n;
};
const shard = (value: string): Shard => {
  const parsed = parseShard(value);
  if (!parsed) throw new InvalidArgumentError('--shard must be K/N with 1 ≤ K ≤ N, e.g. 2/4');
  return parsed;
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
    .option('--only <exercises>', 'grade only these exercises (comma-separated ids, numbers or names); into a folder with earlier records, a regrade that keeps the other exercises', list)
    .option('--resume', 'keep the students an earlier run finished with the same inputs')
    .option('--shard <K/N>', 'grade only share K of N of the students (by a hash of the id), for `backprop-kit merge`', shard)
    .option('-c, --config <file>', 'grading config (points, limits); see grader/config/default.json')
    .option('--no-type-check', 'do not type-check the submissions')
    .option('-q, --quiet', 'no progress output')
    .action(async (submissions: string, options: { out: string; workers?: number; timeout?: number; memory?: number; seed?: string; only?: string[]; resume?: boolean; shard?: Shard; config?: string; typeCheck: boolean; quiet?: boolean }) => {
      // the workers load the kit while the rest of grading loads and reads the class
      const { withWorkersStarted } = await import('../../run/start-workers');
      const summary = await withWorkersStarted(async (started) => {
        const { defaultWorkers, gradeClass } = await import('../../grade');
        const { createProgress } = await import('../../run/progress');
        return gradeClass({
          submissions,
          out: options.out,
          workers: options.workers ?? defaultWorkers(),
          ...(options.config ? { configFile: options.config } : {}),
          overrides: { timeoutMs: options.timeout, memoryMb: options.memory, typeCheck: options.typeCheck },
          ...(options.seed ? { secret: options.seed } : {}),
          ...(options.only ? { only: options.only } : {}),
          resume: Boolean(options.resume),
          ...(options.shard ? { shard: options.shard } : {}),
          progress: createProgress(process.stderr, options.quiet),
          started,
        });
      });
      const { exitStatus, failuresText } = await import('../outcome');
      const resumed = summary.resumed > 0 ? ` (${summary.resumed} resumed)` : '';
      const share = options.shard ? ` (shard ${options.shard.index}/${options.shard.count})` : '';
      process.stdout.write(
        `graded ${summary.students} student(s)${resumed}${share} in ${summary.seconds.toFixed(1)} s: mean ${summary.meanScore}/${summary.maxScore}, ${failuresText(summary.failed)} → ${summary.outDir}/index.html\n`,
      );
      process.exitCode = exitStatus(summary.failed);
    });
}

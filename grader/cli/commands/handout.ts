import { Command } from 'commander';

/** `handout --out <dir>`: the student repository, without solutions or hidden specs. */
export function handoutCommand(): Command {
  return new Command('handout')
    .description('build the student handout: exercises, public specs, READMEs, hints and the student tools (no solutions, no hidden specs)')
    .requiredOption('-o, --out <dir>', 'folder to create')
    .option('--force', 'write into a folder that is not empty')
    .action(async (options: { out: string; force?: boolean }) => {
      const { buildHandout } = await import('../../handout');
      const files = buildHandout(options.out, { force: options.force });
      process.stdout.write(`wrote ${files.length} files to ${options.out}\nnext: copy it to your course repository; students run npm ci, then npm run learn\n`);
    });
}

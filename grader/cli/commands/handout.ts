import { Command } from 'commander';

/** `handout --out <dir>`: the student repository, without solutions or hidden specs. */
export function handoutCommand(): Command {
  return new Command('handout')
    .description('build the student handout: exercises, public specs, READMEs, hints and the student tools (no solutions, no hidden specs)')
    .requiredOption('-o, --out <dir>', 'folder to create')
    .option('--force', 'write into a folder that is not empty')
    .option('--classroom', 'add a GitHub Classroom workflow (.github/workflows/classroom.yml): each exercise\'s public specs, for its points')
    .option('-c, --config <file>', 'grading config whose points the Classroom workflow gives (with --classroom)')
    .action(async (options: { out: string; force?: boolean; classroom?: boolean; config?: string }, command: Command) => {
      if (options.config && !options.classroom) command.error('error: --config is for the Classroom workflow: add --classroom, or leave --config out', { exitCode: 2 });
      const { buildHandout } = await import('../../handout');
      const classroom = options.classroom ? { config: (await import('../../scoring/course-config')).loadCourseConfig(options.config) } : undefined;
      const files = buildHandout(options.out, { force: options.force, ...(classroom ? { classroom } : {}) });
      process.stdout.write(`wrote ${files.length} files to ${options.out}\nnext: copy it to your course repository; students run npm ci, then npm run learn\n`);
    });
}

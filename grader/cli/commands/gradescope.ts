import { Command } from 'commander';

/** `gradescope --out autograder.zip`: the Gradescope autograder, with the course config and secret baked in. */
export function gradescopeCommand(): Command {
  return new Command('gradescope')
    .description('build a Gradescope autograder (setup.sh, run_autograder, the kit, the config and course secret) to upload as a programming assignment')
    .requiredOption('-o, --out <file>', 'the zip to write, e.g. autograder.zip')
    .option('-c, --config <file>', 'grading config (points, limits, Gradescope visibility); see grader/config/default.json')
    .option('-s, --seed <secret>', 'course secret that seeds the hidden inputs (or set BACKPROP_KIT_SECRET, or "secret" in the config)')
    .action(async (options: { out: string; config?: string; seed?: string }) => {
      const { buildAutograder } = await import('../../gradescope/bundle');
      const bundle = await buildAutograder(options.out, { ...(options.config ? { configFile: options.config } : {}), ...(options.seed ? { secret: options.seed } : {}) });
      if (!bundle.secret) process.stderr.write('warning: no course secret given (--seed, BACKPROP_KIT_SECRET or "secret" in the config): the hidden inputs are predictable\n');
      process.stdout.write(
        `wrote ${bundle.file} (${bundle.entries.length} files)${bundle.secret ? '; it holds the course secret: upload it to Gradescope, do not share or commit it' : ''}\n` +
          'next: on Gradescope, create a programming assignment, choose Zip file upload under Configure Autograder, and upload it\n',
      );
    });
}

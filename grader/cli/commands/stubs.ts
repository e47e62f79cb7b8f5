import { Command } from 'commander';
import { KitError } from '../../errors';

export function stubsCommand(): Command {
  return new Command('stubs')
    .description('Generate the exercise stubs from the reference solutions (ts-morph).')
    .option('--check', 'do not write; fail if exercises/ is out of date')
    .action(async (options: { check?: boolean }) => {
      const { staleStubs, writeStubs } = await import('../../stubs');
      if (options.check) {
        const stale = staleStubs();
        if (stale.length > 0) {
          throw new KitError('STUBS_OUT_OF_DATE', `${stale.length} stub(s) differ from the solutions: ${stale.map((s) => s.file).join(', ')}`, 'Run `backprop-kit stubs` to regenerate them, then commit the result.');
        }
        process.stdout.write('stubs are in sync with solutions/\n');
        return;
      }
      const written = writeStubs();
      process.stdout.write(written.length === 0 ? 'stubs already in sync\n' : written.map((s) => `wrote ${s.file}\n`).join(''));
    });
}

import { Command } from 'commander';
import { KitError } from '../../errors';

export function stubsCommand(): Command {
  return new Command('stubs')
    .description('Generate the exercise stubs from the reference solutions (ts-morph). Never overwrites edited exercise files unless --force.')
    .option('--check', 'do not write; fail if exercises/ is out of date')
    .option('--force', 'also overwrite exercise files that hold work (a backup is kept in .backprop-kit/stubs-backup/)')
    .action(async (options: { check?: boolean; force?: boolean }) => {
      const { editedWorkError, stubsState, writeStubs } = await import('../../stubs');
      if (options.check) {
        const { stale, edited } = stubsState();
        if (edited.length > 0) throw editedWorkError(edited);
        if (stale.length > 0) {
          throw new KitError('STUBS_OUT_OF_DATE', `${stale.length} stub(s) differ from the solutions: ${stale.map((s) => s.file).join(', ')}`, 'Run `backprop-kit stubs` to regenerate them, then commit the result.');
        }
        process.stdout.write('stubs are in sync with solutions/\n');
        return;
      }
      const { written, backups } = writeStubs(undefined, { force: options.force });
      process.stdout.write(written.length === 0 ? 'stubs already in sync\n' : written.map((s) => `wrote ${s.file}\n`).join(''));
      for (const backup of backups) process.stdout.write(`kept the edited file in ${backup}\n`);
    });
}


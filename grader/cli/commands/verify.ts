import { Command } from 'commander';
import { KitError } from '../../errors';

/** `verify`: the instructor's check that solutions pass everything and the stubs fail everything. */
export function verifyCommand(): Command {
  return new Command('verify')
    .description('check the kit: stubs in sync, READMEs and hints present, solutions pass and stubs fail every public and hidden spec')
    .option('--skip-public', 'skip running the public specs with vitest (faster)')
    .action(async (options: { skipPublic?: boolean }) => {
      const { runVerify } = await import('../../verify');
      const items = runVerify({ publicSpecs: !options.skipPublic });
      for (const item of items) process.stdout.write(`${item.ok ? '✓' : '✗'} ${item.name}${item.ok || !item.detail ? '' : `\n    ${item.detail}`}\n`);
      const failed = items.filter((i) => !i.ok);
      if (failed.length > 0) throw new KitError('VERIFY_FAILED', `${failed.length} of ${items.length} checks failed`, 'Fix the items marked ✗; each says how.');
      process.stdout.write(`all ${items.length} checks passed\n`);
    });
}

import path from 'node:path';
import { Command } from 'commander';
import { KitError } from '../errors';
import { existsSync } from 'node:fs';

/** `trace` in a student's handout: the worked example through the student's own exercises. */
export function studentTraceCommand(): Command {
  return new Command('trace')
    .description("print every intermediate of the article's worked example, computed with your code")
    .option('--json', 'print JSON with the article’s names as keys (matrices as W[r][c])')
    .option('--impl <dir>', 'use another exercises folder than ./exercises')
    .action(async (options: { json?: boolean; impl?: string }) => {
      const { computeTrace, formatTrace, traceJson } = await import('./trace');
      const { findCourseRoot } = await import('./course');
      const { importExercises, withImported } = await import('./direct-modules');
      const { loadTrack } = await import('../track');
      const root = findCourseRoot();
      const dir = options.impl ? existingDir(options.impl) : path.join(root, 'exercises');
      const entries = computeTrace(withImported(await importExercises(dir, loadTrack(root))));
      process.stdout.write(options.json ? `${JSON.stringify(traceJson(entries), null, 2)}\n` : `${formatTrace(entries, `your code in ${path.relative(process.cwd(), dir) || '.'}`)}\n`);
    });
}

export function existingDir(dir: string): string {
  const resolved = path.resolve(dir);
  if (!existsSync(resolved)) throw new KitError('IMPL_NOT_FOUND', `${dir} does not exist`, 'Pass the folder that holds the NN-name/ exercise folders (or a project with exercises/).');
  return resolved;
}

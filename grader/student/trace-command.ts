import path from 'node:path';
import { Command } from 'commander';
import { KitError } from '../errors';
import { existsSync } from 'node:fs';
import { type TraceOptions, withTraceOptions } from './trace-output';

/** `trace` in a student's handout: the worked example through the student's own exercises. */
export function studentTraceCommand(): Command {
  return withTraceOptions(new Command('trace').description("show every intermediate of the article's worked example, computed with your code, and where it first goes wrong"))
    .option('--impl <dir>', 'use another exercises folder than ./exercises')
    .action(async (options: TraceOptions & { impl?: string }) => {
      const { findCourseRoot } = await import('./course');
      const { importedTrace, outputTrace } = await import('./trace-output');
      const { loadTrack } = await import('../track');
      const root = findCourseRoot();
      const dir = options.impl ? existingDir(options.impl) : path.join(root, 'exercises');
      await outputTrace(await importedTrace(dir, loadTrack(root)), options.impl ? `the code in ${options.impl}` : 'your code', options);
    });
}

export function existingDir(dir: string): string {
  const resolved = path.resolve(dir);
  if (!existsSync(resolved)) throw new KitError('IMPL_NOT_FOUND', `${dir} does not exist`, 'Pass the folder that holds the NN-name/ exercise folders (or a project with exercises/).');
  return resolved;
}

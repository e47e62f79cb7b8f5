import { Command } from 'commander';
import { KitError } from '../../errors';

/** `progress`: the public specs of every exercise (only those whose code changed since the last run), and which one is next. */
export function progressCommand(): Command {
  return new Command('progress')
    .description('show which exercises pass their public specs, and which one is next')
    .option('--dir <folder>', 'the course folder (default: the nearest folder above with exercises/)')
    .option('--check', 'exit with status 1 unless every exercise is done (for scripts)')
    .action(async (options: { dir?: string; check?: boolean }) => {
      const { findCourseRoot } = await import('../../student/course');
      const { collectProgress, formatProgress } = await import('../../student/progress');
      const { loadTrack } = await import('../../track');
      const root = findCourseRoot(options.dir);
      const progress = await collectProgress(root, loadTrack(root));
      process.stdout.write(`${formatProgress(progress)}\n`);
      const left = progress.filter((p) => p.state !== 'done').length;
      if (options.check && left > 0) throw new KitError('COURSE_UNFINISHED', `${left} of ${progress.length} exercises are not done yet`, 'Work on the next exercise shown above.');
    });
}

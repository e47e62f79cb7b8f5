import { Command } from 'commander';

/** `progress`: runs the public specs once and shows which exercises are done and which is next. */
export function progressCommand(): Command {
  return new Command('progress')
    .description('show which exercises pass their public specs, and which one is next')
    .option('--dir <folder>', 'the course folder (default: the nearest folder above with exercises/)')
    .action(async (options: { dir?: string }) => {
      const { findCourseRoot } = await import('../../student/course');
      const { collectProgress, formatProgress } = await import('../../student/progress');
      const { loadTrack } = await import('../../track');
      const root = findCourseRoot(options.dir);
      process.stdout.write(`${formatProgress(await collectProgress(root, loadTrack(root)))}\n`);
    });
}

import { Command } from 'commander';

/** `hint <exercise>`: the next hint of an exercise, one more each time. */
export function hintCommand(): Command {
  return new Command('hint')
    .description('print the next hint of an exercise (e.g. backprop-kit hint 04, or hint softmax)')
    .argument('<exercise>', 'exercise id, number or name')
    .option('--reset', 'start the hints of this exercise again from the first')
    .option('--dir <folder>', 'the course folder (default: the nearest folder above with exercises/)')
    .action(async (query: string, options: { reset?: boolean; dir?: string }) => {
      const { findCourseRoot } = await import('../../student/course');
      const { nextHint, resetHints } = await import('../../student/hints');
      const { findExercise, loadTrack } = await import('../../track');
      const root = findCourseRoot(options.dir);
      const exercise = findExercise(query, loadTrack(root));
      if (options.reset) {
        resetHints(root, exercise);
        process.stdout.write(`hints of ${exercise.id} start again from hint 1\n`);
        return;
      }
      const hint = nextHint(root, exercise);
      const more = hint.number < hint.total ? `run it again for hint ${hint.number + 1}` : 'that was the last hint; the README has the full math';
      process.stdout.write(`${exercise.id} — hint ${hint.number} of ${hint.total}\n\n${hint.text}\n\n(${more})\n`);
    });
}

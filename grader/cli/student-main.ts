/**
 * The command line of a student's handout: only the student's tools. The handout copies
 * this file and the modules it imports (never the grader, the solutions or the hidden
 * specs) into its tools/ folder.
 */
import { Command, CommanderError } from 'commander';
import { KitError } from '../errors';
import { hintCommand } from './commands/hint';
import { progressCommand } from './commands/progress';
import { studentTraceCommand } from '../student/trace-command';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('backprop-kit')
    .description('Your backpropagation course: progress, hints, and the worked example traced through your code.')
    .showHelpAfterError('(run backprop-kit --help for usage)')
    .addCommand(progressCommand())
    .addCommand(hintCommand())
    .addCommand(studentTraceCommand())
    .exitOverride();
  for (const command of program.commands) command.exitOverride().showHelpAfterError('(run backprop-kit --help for usage)');
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof KitError) {
      process.stderr.write(`backprop-kit: ${error.message}\n${error.nextStep ? `  next: ${error.nextStep}\n` : ''}`);
      return error.exitCode;
    }
    throw error;
  }
}

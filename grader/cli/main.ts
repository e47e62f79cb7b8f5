/**
 * The backprop-kit command line. Each command lives in its own file under commands/
 * and loads its heavy modules only when it runs. Every KitError ends here, printed
 * with its next step.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, KitError } from '../errors';
import { printable } from '../printable';
import { autogradeCommand } from './commands/autograde';
import { gradeCommand } from './commands/grade';
import { gradescopeCommand } from './commands/gradescope';
import { handoutCommand } from './commands/handout';
import { hiddenSpecsCommand } from './commands/hidden-specs';
import { hintCommand } from './commands/hint';
import { mergeCommand } from './commands/merge';
import { progressCommand } from './commands/progress';
import { stubsCommand } from './commands/stubs';
import { traceCommand } from './commands/trace';
import { verifyCommand } from './commands/verify';
import { kitVersion } from '../version';

export function buildProgram(): Command {
  return new Command('backprop-kit')
    .description('Learn backpropagation step by step on a worked example, and grade a class of submissions.')
    .version(kitVersion(), '-V, --version', 'print the kit’s version')
    .showHelpAfterError('(run backprop-kit --help for usage)')
    .addCommand(progressCommand())
    .addCommand(hintCommand())
    .addCommand(traceCommand())
    .addCommand(gradeCommand())
    .addCommand(mergeCommand())
    .addCommand(handoutCommand())
    .addCommand(gradescopeCommand())
    .addCommand(autogradeCommand(), { hidden: true })
    .addCommand(verifyCommand())
    .addCommand(hiddenSpecsCommand())
    .addCommand(stubsCommand());
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  // addCommand() does not pass these settings on: usage errors of a command must reach our handler too
  for (const command of program.commands) command.exitOverride().showHelpAfterError('(run backprop-kit --help for usage)');
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // commander has already printed the problem; help and version exit 0.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof KitError) {
    process.stderr.write(`backprop-kit: ${printable(error.message)} [${error.code}]\n`);
    if (error.nextStep) process.stderr.write(`  next: ${printable(error.nextStep)}\n`);
    return error.exitCode;
  }
  process.stderr.write(`backprop-kit: unexpected error (a bug in the kit; please report it):\n${error instanceof Error ? error.stack : String(error)}\n`);
  return EXIT.bug;
}


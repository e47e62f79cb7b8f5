import { Command } from 'commander';
import { existingDir } from '../../student/trace-command';
import { type TraceOptions, withTraceOptions } from '../../student/trace-output';

/**
 * `trace`: the worked example, every intermediate, in the article's names, from the
 * reference solutions — or (--impl) from a student's folder, run in the grading sandbox
 * since it may be anyone's submission. Two views (isolated, cascade), as tables, JSON or
 * a page with a picture. (A student's handout has its own `trace`, in
 * grader/student/trace-command.ts, that runs the student's own code directly.)
 */
export function traceCommand(): Command {
  return withTraceOptions(new Command('trace').description("show every intermediate of the article's worked example, and where a student's code first goes wrong"))
    .option('--impl <dir>', "use a student's exercises folder instead of the reference solutions")
    .action(async (options: TraceOptions & { impl?: string }) => {
      const { outputTrace, tracedModules } = await import('../../student/trace-output');
      if (options.impl) {
        const { sandboxedTrace } = await import('../../run/trace-sandbox');
        await outputTrace(await sandboxedTrace(existingDir(options.impl)), `the code in ${options.impl}`, options);
        return;
      }
      // the reference solutions are trusted, and bundled with the command line: no compiler to load
      const { REFERENCE_MODULES } = await import('../../student/reference-modules');
      await outputTrace(await tracedModules(new Map(REFERENCE_MODULES)), 'the reference solutions', options);
    });
}

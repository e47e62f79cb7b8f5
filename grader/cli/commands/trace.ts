import { Command } from 'commander';
import { existingDir } from '../../student/trace-command';

/**
 * `trace`: the worked example, every intermediate, in the article's names, from the
 * reference solutions — or (--impl) from a student's folder, run in the grading sandbox
 * since it may be anyone's submission. (A student's handout has its own `trace`, in
 * grader/student/trace-command.ts, that runs the student's own code directly.)
 */
export function traceCommand(): Command {
  return new Command('trace')
    .description("print every intermediate of the article's worked example, as a table or as JSON")
    .option('--json', 'print JSON with the article’s names as keys (matrices as W[r][c])')
    .option('--impl <dir>', "use a student's exercises folder instead of the reference solutions")
    .action(async (options: { json?: boolean; impl?: string }) => {
      const { computeTrace, formatTrace, traceJson } = await import('../../student/trace');
      let entries: ReturnType<typeof computeTrace>;
      let source: string;
      if (options.impl) {
        const { sandboxedTrace } = await import('../../run/trace-sandbox');
        const traced = await sandboxedTrace(existingDir(options.impl));
        for (const note of traced.notes) process.stderr.write(`note: ${note}\n`);
        entries = traced.entries;
        source = `${options.impl} (in the grading sandbox)`;
      } else {
        const { REFERENCE_MODULES } = await import('../../student/reference-modules');
        const { withImported } = await import('../../student/direct-modules');
        entries = computeTrace(withImported(REFERENCE_MODULES));
        source = 'the reference solutions';
      }
      process.stdout.write(options.json ? `${JSON.stringify(traceJson(entries), null, 2)}\n` : `${formatTrace(entries, source)}\n`);
    });
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { KitError } from '../../errors';

/**
 * `trace`: the worked example, every intermediate, in the article's names.
 * In the kit it uses the reference solutions, or (--impl) a student's folder run in the
 * grading sandbox; in a student's handout it uses the student's own exercises.
 */
export function traceCommand(mode: 'kit' | 'student' = 'kit'): Command {
  return new Command('trace')
    .description("print every intermediate of the article's worked example, as a table or as JSON")
    .option('--json', 'print JSON with the article’s names as keys (matrices as W[r][c])')
    .option('--impl <dir>', mode === 'kit' ? "use a student's exercises folder instead of the reference solutions" : 'use another exercises folder than ./exercises')
    .action(async (options: { json?: boolean; impl?: string }) => {
      const { computeTrace, formatTrace, traceJson } = await import('../../student/trace');
      let result: { entries: ReturnType<typeof computeTrace>; source: string; notes?: string[] };
      if (mode === 'kit' && !options.impl) {
        const { HostModules } = await import('../../sandbox/host-modules');
        const { kitModules, readKitSources } = await import('../../compile/kit-sources');
        const { loadTrack } = await import('../../track');
        const { KIT_ROOT } = await import('../../paths');
        const host = new HostModules(kitModules(readKitSources(KIT_ROOT, loadTrack()), loadTrack()));
        result = { entries: computeTrace((id, body) => void body(host.subject(id))), source: 'the reference solutions' };
      } else if (mode === 'kit') {
        const dir = checkedDir(options.impl!);
        const { sandboxedTrace } = await import('../../run/trace-sandbox');
        const { entries, notes } = await sandboxedTrace(dir);
        result = { entries, source: `${options.impl} (in the grading sandbox)`, notes };
      } else {
        const { findCourseRoot } = await import('../../student/course');
        const { importExercises, withImported } = await import('../../student/direct-modules');
        const { loadTrack } = await import('../../track');
        const root = findCourseRoot();
        const dir = options.impl ? checkedDir(options.impl) : path.join(root, 'exercises');
        const modules = await importExercises(dir, loadTrack(root));
        result = { entries: computeTrace(withImported(modules)), source: `your code in ${path.relative(process.cwd(), dir) || '.'}` };
      }
      for (const note of result.notes ?? []) process.stderr.write(`note: ${note}\n`);
      process.stdout.write(options.json ? `${JSON.stringify(traceJson(result.entries), null, 2)}\n` : `${formatTrace(result.entries, result.source)}\n`);
    });
}

function checkedDir(dir: string): string {
  const resolved = path.resolve(dir);
  if (!existsSync(resolved)) throw new KitError('IMPL_NOT_FOUND', `${dir} does not exist`, 'Pass the folder that holds the NN-name/ exercise folders (or a project with exercises/).');
  return resolved;
}

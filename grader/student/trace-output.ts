/** The options and the output shared by the kit's `trace` and the handout's: table, JSON or page. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { KitError } from '../errors';
import type { ModuleExports } from '../sandbox/host-modules';
import type { Exercise } from '../track';
import type { TraceEntry } from './trace';
import type { ViewChoice } from './trace-format';

export interface TraceOptions {
  json?: boolean;
  view?: ViewChoice;
  html?: string;
}

export function withTraceOptions(command: Command): Command {
  return command
    .addOption(new Option('--view <view>', 'isolated (each step from exact inputs), cascade (your steps chained) or both').choices(['isolated', 'cascade', 'both']))
    .option('--json', 'print JSON with the article’s names as keys (matrices as W[r][c]); the isolated view unless --view says otherwise')
    .option('--html <file>', 'write a page with a picture of the gradient flow, to open in a browser');
}

/** Both views of the exercises in `dir`, imported into this process (trusted code: the student's own, or the solutions). */
export async function importedTrace(dir: string, track: Exercise[]): Promise<{ isolated: TraceEntry[]; cascade: TraceEntry[] }> {
  const { importExercises } = await import('./direct-modules');
  return tracedModules(await importExercises(dir, track));
}

/** Both views of modules already in this process, by exercise id (a module that failed to import is its error message). */
export async function tracedModules(modules: Map<string, ModuleExports | string>): Promise<{ isolated: TraceEntry[]; cascade: TraceEntry[] }> {
  const { computeCascade, computeIsolated } = await import('./trace');
  const { invokeImported, withImported } = await import('./direct-modules');
  return { isolated: computeIsolated(withImported(modules)), cascade: computeCascade(invokeImported(modules)) };
}

/** Prints (or, with --html, writes) the trace; `source` completes "The article's worked example through …". */
export async function outputTrace(views: { isolated: TraceEntry[]; cascade: TraceEntry[] }, source: string, options: TraceOptions): Promise<void> {
  const { divergenceSentence, formatTrace } = await import('./trace-format');
  if (options.html) {
    const { flowPage } = await import('./flow-page');
    const file = path.resolve(options.html);
    try {
      writeFileSync(file, flowPage(views, source));
    } catch (error) {
      throw new KitError('TRACE_HTML_FAILED', `could not write ${options.html}: ${error instanceof Error ? error.message : String(error)}`, 'Pass a file in a folder that exists and that you can write to.');
    }
    process.stdout.write(`${divergenceSentence(views.cascade)}\nWrote ${options.html}: open it in a browser.\n`);
    return;
  }
  const { traceJson } = await import('./trace');
  if (options.json) {
    const view = options.view ?? 'isolated';
    const json = view === 'both' ? { isolated: traceJson(views.isolated), cascade: traceJson(views.cascade) } : traceJson(views[view]);
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  const view = options.view ?? 'both';
  process.stdout.write(`${formatTrace(view === 'both' ? views : { [view]: views[view] }, source)}\n`);
}

/** The trace as text tables, one per view, and the sentence naming the first divergence. */
import { formatValue } from '../checks/format';
import { firstDivergence, type TraceEntry, type TraceView } from './trace';

export type ViewChoice = TraceView | 'both';

const VIEW_TITLE: Record<TraceView, string> = {
  isolated: 'Isolated: each step from the exact values upstream, so a mistake shows in its own rows only.',
  cascade: 'Cascade: your steps chained, each fed by your own earlier results, as in a real forward and backward pass.',
};

/** `source` completes "The article's worked example through …". */
export function formatTrace(views: Partial<Record<TraceView, TraceEntry[]>>, source: string): string {
  const parts = [`The article's worked example through ${source}.`, '✓ = exact (float64), ✗ = differs, TODO = not implemented yet, ERROR = threw or could not run, – = not computed.'];
  for (const view of ['isolated', 'cascade'] as const) {
    const entries = views[view];
    if (entries) parts.push('', VIEW_TITLE[view], '', formatTable(entries, view));
  }
  if (views.cascade) parts.push('', divergenceSentence(views.cascade));
  return parts.join('\n');
}

/** One sentence: where the cascade first goes wrong, and which function computed it. */
export function divergenceSentence(cascade: TraceEntry[]): string {
  const first = firstDivergence(cascade);
  if (!first) return 'No divergence: every quantity of the chained run is exact.';
  if (first.problem) return `First divergence: ${first.name} has no value (${first.problem}). It is ${first.fn}'s, in exercise ${first.exercise}, and its inputs were all right: start there.`;
  return `First divergence: ${first.name} is wrong. It was computed by ${first.fn} of exercise ${first.exercise}, from inputs that were all right: start there.`;
}

function formatTable(entries: TraceEntry[], view: TraceView): string {
  const nameWidth = Math.max('quantity'.length, ...entries.map((e) => e.name.length));
  const stepWidth = Math.max(...entries.map((e) => stepLabel(e).length));
  const indent = ' '.repeat(nameWidth + stepWidth + 10);
  const first = view === 'cascade' ? firstDivergence(entries) : undefined;
  const rows = entries.flatMap((e) => {
    const mark = e.problem ? (e.notImplemented ? 'TODO' : e.notComputed ? '–' : 'ERROR') : e.mismatch ? '✗' : '✓';
    const lines = e.problem ? [e.problem] : valueLines(e.value);
    const head = `${e.name.padEnd(nameWidth)}  ${stepLabel(e).padEnd(stepWidth)}  ${mark.padEnd(5)} ${lines[0]}`;
    const notes = e.wrongInputs?.length && (e.mismatch || (e.problem && !e.notComputed))
      ? [`↳ follows from wrong input${e.wrongInputs.length > 1 ? 's' : ''}: ${e.wrongInputs.join(', ')}`]
      : [...(e.mismatch ? [`↳ ${e.mismatch}`] : []), ...(e === first ? ['↳ FIRST DIVERGENCE: every input of this step was right'] : [])];
    return [head, ...lines.slice(1).map((l) => `${indent}${l}`), ...notes.map((n) => `${indent}${n}`)];
  });
  const right = entries.filter((e) => !e.problem && !e.mismatch).length;
  const header = `${'quantity'.padEnd(nameWidth)}  ${'step'.padEnd(stepWidth)}  ${'check'.padEnd(5)} value`;
  return [header, ...rows, '', `${right}/${entries.length} quantities exact.`].join('\n');
}

const stepLabel = (e: TraceEntry): string => `${e.exercise.slice(0, 2)} ${e.fn}`;

function valueLines(value: unknown): string[] {
  if (Array.isArray(value) && value.length > 0 && Array.isArray(value[0])) return value.map((row) => formatValue(row));
  return [formatValue(value)];
}

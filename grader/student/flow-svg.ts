/**
 * A picture of the gradient flow of the worked example: the 3-3-3-3 network as inline
 * SVG, each neuron with its forward values, activation derivative, gradients and bias,
 * each connection with its weight and gradient, then the loss, the softmax Jacobian and
 * the SGD step. Every quantity computed by the code carries a mark (✓ exact, ✗ wrong with
 * the exact value under it, – none), so colour is never the only cue; the first
 * divergence has a dashed frame and a flag. Plain strings, every text through escapeXml,
 * no script, nothing fetched.
 */
import { withinTolerance } from '../../exercises/shared/expect-close';
import { WORKED_EXAMPLE } from '../../exercises/shared/worked-example';
import { escapeXml } from '../escape-xml';
import { EXPECTED, firstDivergence, type TraceEntry, type TraceKey } from './trace';

type Status = 'right' | 'wrong' | 'none' | 'given';

interface Cell {
  status: Status;
  text: string;
  /** the exact value, shown under a wrong one */
  expected?: string;
  /** part of the first divergence */
  first: boolean;
}

/** A neuron's line: a label and either a given value or an element of a traced quantity. */
type Line = [label: string, source: number | [TraceKey, number]];

const { x, y, params, learningRate } = WORKED_EXAMPLE;

const LAYERS: { name: string; title: (i: number) => string; lines: (i: number) => Line[] }[] = [
  { name: 'input', title: (i) => `x[${i}]`, lines: (i) => [['x', x[i]!]] },
  {
    name: 'hidden layer 1 (ReLU)',
    title: (i) => `h1[${i}] · ReLU`,
    lines: (i) => [['in', ['h1_in', i]], ['out', ['h1_out', i]], ['ReLU′(in)', ['relu_derivative_h1_in', i]], ['∂E/∂out', ['dE_dh1_out', i]], ['δ=∂E/∂in', ['delta_h1_in', i]], ['bias b', params.b_j[i]!], ['∂E/∂b', ['db_j', i]]],
  },
  {
    name: 'hidden layer 2 (sigmoid)',
    title: (i) => `h2[${i}] · sigmoid`,
    lines: (i) => [['in', ['h2_in', i]], ['out', ['h2_out', i]], ['σ′(in)', ['sigmoid_derivative_h2_in', i]], ['∂E/∂out', ['dE_dh2_out', i]], ['δ=∂E/∂in', ['delta_h2_in', i]], ['bias b', params.b_k[i]!], ['∂E/∂b', ['db_k', i]]],
  },
  {
    name: 'output layer (softmax)',
    title: (i) => `O[${i}] · softmax`,
    lines: (i) => [['in', ['O_in', i]], ['out', ['O_out', i]], ['target y', y[i]!], ['∂E/∂out', ['dE_dO_out', i]], ['δ=∂E/∂in', ['delta_O_in', i]], ['bias b', params.b_l[i]!], ['∂E/∂b', ['db_l', i]]],
  },
];
/** The weights between layer L and L+1, and the quantity that is their gradient. */
const LINKS = [
  { W: params.W_ij, dW: 'dW_ij', name: 'W_ij' },
  { W: params.W_jk, dW: 'dW_jk', name: 'W_jk' },
  { W: params.W_kl, dW: 'dW_kl', name: 'W_kl' },
] as const;
const UPDATES: TraceKey[] = ['W_ij_updated', 'W_jk_updated', 'W_kl_updated', 'b_j_updated', 'b_k_updated', 'b_l_updated'];

const INK = '#1f2937';
const MUTED = '#6b7280';
const RIGHT = '#15803d';
const WRONG = '#b91c1c';
const FLAG = '#c2410c';
const FONT = 'font-family="ui-monospace, Menlo, Consolas, monospace"';

const LINE_H = 15;
const TITLE_H = 22;
const BOX_W = 184;
const INPUT_W = 80;
const EDGE_LABEL_W = 136;
const GAP = 206;
const TOP = 84;
const NEURON_GAP = 22;

export interface FlowOptions {
  /** id of the <svg>, unique in its page */
  id?: string;
  /** what the values are, for the caption and the text alternative */
  caption?: string;
}

/** The picture of `entries` (one view of the trace, usually the cascade). */
export function flowSvg(entries: TraceEntry[], options: FlowOptions = {}): string {
  const id = options.id ?? 'gradient-flow';
  const byName = new Map(entries.map((e) => [e.name, e]));
  const first = firstDivergence(entries);
  const cellOf = (source: Line[1], index: number[] = []): Cell => (typeof source === 'number' ? givenCell(source) : tracedCell(byName, source[0], [source[1], ...index], first?.name));
  const parts: string[] = [];

  // neurons: boxes stacked per layer, each as tall as its lines
  const boxes = LAYERS.map((layer, l) => {
    const left = l === 0 ? 10 : 10 + INPUT_W + GAP + (l - 1) * (BOX_W + GAP);
    const width = l === 0 ? INPUT_W : BOX_W;
    let top = TOP;
    return [0, 1, 2].map((i) => {
      const lines = layer.lines(i).map(([label, source]) => ({ label, cell: cellOf(source) }));
      const height = TITLE_H + lines.reduce((h, line) => h + (line.cell.expected ? 2 : 1) * LINE_H, 0) + 8;
      const box = { left, top, width, height, title: layer.title(i), lines, layer: layer.name };
      top += height + NEURON_GAP;
      return box;
    });
  });
  const width = boxes[3]![0]!.left + BOX_W + 10;

  // connections first, so the boxes and labels sit on top of them
  LINKS.forEach((link, l) => {
    for (const [r, from] of boxes[l]!.entries()) {
      for (const [c, to] of boxes[l + 1]!.entries()) {
        const portY = to.top + ((r + 1) * to.height) / 4;
        const startY = from.top + from.height / 2 + (c - 1) * 8;
        const bend = to.left - EDGE_LABEL_W - 10;
        const gradient = cellOf([link.dW, r], [c]);
        const dash = gradient.status === 'right' ? '' : ' stroke-dasharray="6 3"';
        parts.push(`<path d="M${from.left + from.width} ${fixed(startY)} L${bend} ${fixed(portY)} L${to.left} ${fixed(portY)}" fill="none" stroke="${gradient.status === 'wrong' ? WRONG : '#94a3b8'}" stroke-width="${gradient.first ? 2.5 : 1}"${dash}/>`);
        parts.push(edgeLabel(to.left - EDGE_LABEL_W - 4, portY, `w ${short(link.W[r]![c]!)}`, gradient, `${link.name}[${r}][${c}], from ${from.title} to ${to.title}: weight ${short(link.W[r]![c]!)}, gradient ${describeCell(gradient)}`));
      }
    }
  });
  for (const layer of boxes) for (const box of layer) parts.push(neuronBox(box));

  // under the network: the loss, the softmax Jacobian, the SGD step
  const bottom = Math.max(...boxes.map((layer) => layer[2]!.top + layer[2]!.height)) + 28;
  const updates = UPDATES.map((name) => ({ label: name.replace('_updated', ''), cell: updateCell(byName.get(name), name, first?.name) }));
  const panels = [
    panel(10, bottom, 360, `after one SGD step (learning rate ${learningRate})`, updates, 60),
    matrixPanel(400, bottom, 'softmax Jacobian ∂O_out[a]/∂O_in[b]', [0, 1, 2].map((a) => [0, 1, 2].map((b) => tracedCell(byName, 'softmax_jacobian', [a, b], first?.name)))),
    panel(width - 10 - 260, bottom, 260, 'loss E (cross-entropy)', [{ label: 'E', cell: tracedCell(byName, 'loss', [], first?.name) }]),
  ];
  for (const p of panels) parts.push(p.markup);
  const height = bottom + Math.max(...panels.map((p) => p.height)) + 10;

  const header = headerLines(entries, first, width);
  const title = options.caption ?? 'The gradient flow of the worked example';
  const desc = describe(entries, first);
  return [
    `<svg id="${escapeXml(id)}" class="flow" role="img" aria-labelledby="${escapeXml(id)}-title ${escapeXml(id)}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT} font-size="12">`,
    `<title id="${escapeXml(id)}-title">${escapeXml(title)}</title>`,
    `<desc id="${escapeXml(id)}-desc">${escapeXml(desc)}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    ...header,
    ...parts,
    '</svg>',
  ].join('\n');
}

function tracedCell(byName: Map<TraceKey, TraceEntry>, name: TraceKey, index: number[], firstName: TraceKey | undefined): Cell {
  const entry = byName.get(name);
  const expected = dig(EXPECTED[name], index) as number;
  const isFirst = name === firstName;
  if (!entry || entry.problem !== undefined || !('value' in entry)) return { status: 'none', text: '–', first: isFirst };
  const actual = dig(entry.value, index);
  if (typeof actual === 'number' && withinTolerance(actual, expected)) return { status: 'right', text: short(actual), first: false };
  if (typeof actual !== 'number') return { status: 'wrong', text: Array.isArray(actual) ? 'an array' : String(actual ?? 'missing'), expected: short(expected), first: isFirst };
  const [text, exact] = distinct(actual, expected);
  return { status: 'wrong', text, expected: exact, first: isFirst };
}

/** Both numbers with as few digits as show that they differ (at least four). */
function distinct(actual: number, expected: number): [string, string] {
  for (let digits = 4; digits < 17; digits++) {
    const pair: [string, string] = [short(actual, digits), short(expected, digits)];
    if (pair[0] !== pair[1]) return pair;
  }
  return [String(actual), String(expected)];
}

/** One line per updated parameter: its first wrong element, if any. */
function updateCell(entry: TraceEntry | undefined, name: TraceKey, firstName: TraceKey | undefined): Cell {
  const isFirst = name === firstName;
  if (!entry || entry.problem !== undefined || !('value' in entry)) return { status: 'none', text: '–', first: isFirst };
  const exact = EXPECTED[name] as number[] | number[][];
  const indices = exact.flatMap((row, r) => (Array.isArray(row) ? row.map((_, c) => [r, c]) : [[r]]));
  const byIndex = (index: number[]) => tracedCell(new Map([[name, entry]]), name, index, firstName);
  const wrong = indices.find((index) => byIndex(index).status !== 'right');
  if (!wrong) return { status: 'right', text: 'all exact', first: false };
  const cell = byIndex(wrong);
  return { ...cell, text: `${wrong.map((i) => `[${i}]`).join('')} ${cell.text}`, first: isFirst };
}

const givenCell = (value: number): Cell => ({ status: 'given', text: short(value), first: false });

function dig(value: unknown, index: number[]): unknown {
  let current = value;
  for (const i of index) current = Array.isArray(current) ? current[i] : undefined;
  return current;
}

function neuronBox(box: { left: number; top: number; width: number; height: number; title: string; lines: { label: string; cell: Cell }[]; layer: string }): string {
  const { left, top, width, height } = box;
  const wrong = box.lines.some((l) => l.cell.status === 'wrong' || l.cell.status === 'none');
  const out = [
    `<g class="neuron${wrong ? ' has-wrong' : ''}">`,
    `<title>${escapeXml(`${box.title} (${box.layer}): ${box.lines.map((l) => `${l.label} ${describeCell(l.cell)}`).join('; ')}`)}</title>`,
    `<rect x="${left}" y="${top}" width="${width}" height="${height}" rx="8" fill="#f8fafc" stroke="${wrong ? WRONG : '#94a3b8'}" stroke-width="${wrong ? 1.5 : 1}"/>`,
    `<text x="${left + 8}" y="${top + 16}" font-weight="700" fill="${INK}">${escapeXml(box.title)}</text>`,
  ];
  let lineY = top + TITLE_H + 11;
  const valueX = left + (box.width === INPUT_W ? 26 : 84);
  for (const { label, cell } of box.lines) {
    out.push(cellLines(left + 8, valueX, left + width - 20, lineY, label, cell, width - 8));
    lineY += (cell.expected ? 2 : 1) * LINE_H;
  }
  out.push('</g>');
  return out.join('');
}

/** A label, a value and its mark on one line; a wrong value's exact value on the next. */
function cellLines(labelX: number, valueX: number, markX: number, baseline: number, label: string, cell: Cell, frameWidth: number): string {
  const colour = cell.status === 'wrong' || cell.status === 'none' ? WRONG : cell.status === 'right' ? INK : MUTED;
  const out: string[] = [];
  if (cell.first) {
    const h = (cell.expected ? 1 : 0) * LINE_H + 16;
    out.push(`<rect class="first-divergence" x="${labelX - 5}" y="${baseline - 12}" width="${frameWidth - 2}" height="${h}" fill="#fff7ed" stroke="${FLAG}" stroke-width="2" stroke-dasharray="5 3"/>`);
  }
  out.push(`<text x="${labelX}" y="${baseline}" fill="${MUTED}">${escapeXml(label)}</text>`);
  out.push(`<text x="${valueX}" y="${baseline}" fill="${colour}"${cell.status === 'wrong' ? ' font-weight="700"' : ''}>${escapeXml(cell.text)}</text>`);
  const mark = MARK[cell.status];
  if (mark) out.push(`<text class="mark mark-${cell.status}" x="${markX}" y="${baseline}" fill="${cell.status === 'right' ? RIGHT : WRONG}" font-weight="700">${mark}</text>`);
  if (cell.expected) out.push(`<text x="${label ? labelX + 14 : valueX}" y="${baseline + LINE_H}" fill="${INK}" font-size="11" font-style="italic">${escapeXml(`↳ should be ${cell.expected}`)}</text>`);
  return out.join('');
}

const MARK: Record<Status, string> = { right: '✓', wrong: '✗', none: '–', given: '' };

function edgeLabel(left: number, portY: number, weight: string, gradient: Cell, title: string): string {
  const lines = gradient.expected ? 2 : 1;
  const top = portY - 10;
  const frame = gradient.first ? `stroke="${FLAG}" stroke-width="2" stroke-dasharray="5 3"` : `stroke="${gradient.status === 'right' ? '#cbd5e1' : WRONG}"`;
  const colour = gradient.status === 'right' ? INK : WRONG;
  return [
    `<g class="weight"><title>${escapeXml(title)}</title>`,
    `<rect x="${left}" y="${top}" width="${EDGE_LABEL_W}" height="${lines * 14 + 5}" rx="3" fill="${gradient.first ? '#fff7ed' : '#ffffff'}" ${frame}/>`,
    `<text x="${left + 4}" y="${top + 13}" font-size="11" fill="${MUTED}">${escapeXml(weight)}</text>`,
    `<text x="${left + 46}" y="${top + 13}" font-size="11" fill="${colour}"${gradient.status === 'wrong' ? ' font-weight="700"' : ''}>${escapeXml(`∂ ${gradient.text}`)}</text>`,
    `<text class="mark mark-${gradient.status}" x="${left + EDGE_LABEL_W - 12}" y="${top + 13}" font-size="11" font-weight="700" fill="${gradient.status === 'right' ? RIGHT : WRONG}">${MARK[gradient.status]}</text>`,
    gradient.expected ? `<text x="${left + 4}" y="${top + 27}" font-size="10" font-style="italic" fill="${INK}">${escapeXml(`↳ should be ${gradient.expected}`)}</text>` : '',
    '</g>',
  ].join('');
}

function panel(left: number, top: number, width: number, title: string, lines: { label: string; cell: Cell }[], valueOffset = 40): { markup: string; height: number } {
  const height = TITLE_H + lines.reduce((h, l) => h + (l.cell.expected ? 2 : 1) * LINE_H, 0) + 8;
  const out = [`<g class="panel"><title>${escapeXml(`${title}: ${lines.map((l) => `${l.label} ${describeCell(l.cell)}`).join('; ')}`)}</title>`];
  out.push(`<rect x="${left}" y="${top}" width="${width}" height="${height}" rx="8" fill="#f8fafc" stroke="#94a3b8"/>`);
  out.push(`<text x="${left + 8}" y="${top + 16}" font-weight="700" fill="${INK}">${escapeXml(title)}</text>`);
  let lineY = top + TITLE_H + 11;
  for (const { label, cell } of lines) {
    out.push(cellLines(left + 8, left + valueOffset, left + width - 16, lineY, label, cell, width - 8));
    lineY += (cell.expected ? 2 : 1) * LINE_H;
  }
  out.push('</g>');
  return { markup: out.join(''), height };
}

function matrixPanel(left: number, top: number, title: string, rows: Cell[][]): { markup: string; height: number } {
  const cellW = 140;
  const rowH = rows.some((row) => row.some((c) => c.expected)) ? 2 * LINE_H : LINE_H;
  const width = 3 * cellW + 16;
  const height = TITLE_H + rows.length * rowH + 8;
  const out = [`<g class="panel"><title>${escapeXml(`${title}: ${rows.map((row, a) => `row ${a}: ${row.map(describeCell).join(', ')}`).join('; ')}`)}</title>`];
  out.push(`<rect x="${left}" y="${top}" width="${width}" height="${height}" rx="8" fill="#f8fafc" stroke="#94a3b8"/>`);
  out.push(`<text x="${left + 8}" y="${top + 16}" font-weight="700" fill="${INK}">${escapeXml(title)}</text>`);
  rows.forEach((row, a) => {
    const baseline = top + TITLE_H + 11 + a * rowH;
    row.forEach((cell, b) => out.push(cellLines(left + 8 + b * cellW, left + 8 + b * cellW, left + 8 + b * cellW + cellW - 30, baseline, '', cell, cellW - 8)));
  });
  out.push('</g>');
  return { markup: out.join(''), height };
}

function headerLines(entries: TraceEntry[], first: TraceEntry | undefined, width: number): string[] {
  const right = entries.filter((e) => e.problem === undefined && e.mismatch === undefined).length;
  const legend = '✓ exact · ✗ wrong (the exact value under it) · – no value · dashed ⚑ frame: first divergence · on a connection: w = weight, ∂ = ∂E/∂w';
  const flag = !first
    ? '✓ No divergence: every quantity is exact'
    : first.problem
      ? `⚑ First divergence: ${first.name} has no value (${first.problem.length > 60 ? `${first.problem.slice(0, 59)}…` : first.problem}); it is ${first.fn}'s (exercise ${first.exercise}), whose inputs were all right`
      : `⚑ First divergence: ${first.name}, computed by ${first.fn} (exercise ${first.exercise}) from inputs that were all right`;
  return [
    `<text x="10" y="22" font-size="14" font-weight="700" fill="${first ? FLAG : RIGHT}">${escapeXml(flag)}</text>`,
    `<text x="10" y="42" fill="${INK}">${escapeXml(`${right} of ${entries.length} quantities exact.`)}</text>`,
    `<text x="10" y="62" fill="${MUTED}" font-size="11">${escapeXml(legend)}</text>`,
    `<line x1="10" y1="${TOP - 10}" x2="${width - 10}" y2="${TOP - 10}" stroke="#e5e7eb"/>`,
  ];
}

/** The text alternative: what is right, what is wrong, where it starts. */
function describe(entries: TraceEntry[], first: TraceEntry | undefined): string {
  const right = entries.filter((e) => e.problem === undefined && e.mismatch === undefined).length;
  const wrong = entries.filter((e) => e.problem !== undefined || e.mismatch !== undefined).map((e) => e.name);
  return [
    'The 3-3-3-3 network of the worked example: inputs x, hidden layer 1 (ReLU), hidden layer 2 (sigmoid), softmax outputs; each neuron with its forward values, activation derivative, gradients and bias, each connection with its weight and gradient.',
    `${right} of ${entries.length} quantities exact.`,
    wrong.length ? `Wrong or missing: ${wrong.join(', ')}.` : '',
    first ? `First divergence: ${first.name}, from ${first.fn} of exercise ${first.exercise}${first.mismatch ? `: ${first.mismatch}` : first.problem ? `: ${first.problem}` : ''}.` : 'No divergence.',
  ].filter(Boolean).join(' ');
}

function describeCell(cell: Cell): string {
  if (cell.status === 'none') return 'not computed';
  if (cell.status === 'wrong') return `${cell.text}, wrong, should be ${cell.expected}`;
  return cell.status === 'right' ? `${cell.text}, exact` : cell.text;
}

/** Four significant digits: enough to see a difference, short enough for a picture. */
function short(n: number, digits = 4): string {
  if (!Number.isFinite(n) || Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(digits)));
}

const fixed = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * The generic detector: a wrong value that equals (within tolerance) the correct value of
 * another quantity of the same step — another field, another layer, the transpose, a
 * neighbouring index, or what was passed in before the update. It needs no catalogue
 * entry: it compares the student's quantities with the reference solution's.
 */
import type { CallRecord } from '../checks/outcome';
import { closeData, type Quantity } from './quantities';

export const ANOTHER_QUANTITY = 'another-quantity';

export const ANOTHER_QUANTITY_ENTRY = {
  id: ANOTHER_QUANTITY,
  title: "A wrong value that is another quantity's correct value",
  explanation:
    'The usual causes: a variable, field or layer mixed up with its neighbour (a bias updated with the gradient of another layer, a line copied and not fully edited), a matrix used where its transpose belongs, an index off by one, or the value from before the update returned.',
};

/** At most this many sentences in one observation; the rest are counted. */
const MAX_SENTENCES = 4;

/**
 * Sentences such as "Your b_k is the correct b_j." for each wrong quantity of the student
 * that is another quantity's correct value; empty when there is none.
 */
export function anotherQuantity(student: Quantity[], reference: Quantity[], wrong: Set<string>, calls: CallRecord[]): string[] {
  const results = (qs: Quantity[]) => qs.filter((q) => !q.key.endsWith(':argsAfter'));
  const correct = new Map(reference.map((q) => [q.key, q]));
  const passedIn = calls.flatMap((call, i) => argumentQuantities(call, i));
  const sentences: string[] = [];
  for (const q of results(student)) {
    if (!wrong.has(q.key) || !informative(q.value)) continue;
    const right = correct.get(q.key);
    const found = [
      ...results(reference)
        .filter((r) => r.key !== q.key && closeData(q.value, r.value))
        .sort((a, b) => Number(kind(b.label) === kind(q.label)) - Number(kind(a.label) === kind(q.label)))
        .map((r) => `the correct ${r.label}`),
      ...(right && isMatrix(right.value) && closeData(q.value, transpose(right.value)) ? [`the transpose of the correct ${q.label}`] : []),
      ...(right ? offByOne(q.value, right.value, q.label) : []),
      ...passedIn.filter((a) => closeData(q.value, a.value)).map((a) => (lastPart(a.key.slice(a.key.lastIndexOf(':') + 1)) === lastPart(q.label) ? `${a.label}, as it was before the update` : a.label)),
    ];
    if (found.length > 0) sentences.push(`Your ${q.label} is ${found[0]}${found.length > 1 ? ` (and also ${found.slice(1).join(', ')})` : ''}.`);
  }
  return sentences.length > MAX_SENTENCES ? [...sentences.slice(0, MAX_SENTENCES), `(${sentences.length - MAX_SENTENCES} more like these.)`] : sentences;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

/** The arguments of a call, split into named parts like a result: "the b_k passed in", "the first argument of fn". */
function argumentQuantities(call: CallRecord, callIndex: number): Quantity[] {
  const parts: Quantity[] = [];
  const walk = (value: unknown, arg: number, path: string): void => {
    if (value && typeof value === 'object' && !Array.isArray(value) && !('__kitFn' in value)) {
      for (const [k, v] of Object.entries(value)) walk(v, arg, path ? `${path}.${k}` : k);
    } else {
      const label = path ? `the ${path} passed in` : `the ${ORDINALS[arg] ?? `${arg + 1}th`} argument of ${call.fn}`;
      parts.push({ key: `${callIndex}:arg${arg}:${path}`, label, value });
    }
  };
  call.args.forEach((arg, i) => walk(arg, i, ''));
  return parts.filter((p) => informative(p.value));
}

/** Worth a match: an array of numbers not all equal (a vector of zeros or of ones says nothing about where it came from). */
function informative(value: unknown): boolean {
  const numbers = (Array.isArray(value) ? value.flat(2) : []) as unknown[];
  return numbers.length >= 2 && numbers.every((n) => typeof n === 'number') && numbers.some((n) => !closeData(n, numbers[0]));
}

/** What kind of quantity a label names: `db` for `db_k`, `params.b` for `params.b_k`. */
const kind = (label: string): string => label.split('_')[0];

const lastPart = (label: string): string => label.split('.').at(-1) ?? label;

const isMatrix = (v: unknown): v is number[][] => Array.isArray(v) && v.length > 0 && v.every((row) => Array.isArray(row) && row.length === (v[0] as unknown[]).length);

const transpose = (m: number[][]): number[][] => m[0].map((_, c) => m.map((row) => row[c]));

/**
 * The correct vector moved by one index, one way or the other (s[i] = r[i + 1] for every
 * i but the last, or s[i] = r[i − 1] for every i but the first), with at least two
 * entries wrong: an index off by one.
 */
function offByOne(value: unknown, right: unknown, label: string): string[] {
  if (!Array.isArray(value) || !Array.isArray(right) || value.length !== right.length || value.length < 3 || !informative(right)) return [];
  if (value.filter((v, i) => !closeData(v, right[i])).length < 2) return [];
  const shifted = (by: number) => value.every((v, i) => i + by < 0 || i + by >= right.length || closeData(v, right[i + by]));
  if (shifted(1)) return [`the correct ${label} moved by one index (your entry i holds the correct entry i + 1)`];
  if (shifted(-1)) return [`the correct ${label} moved by one index (your entry i holds the correct entry i − 1)`];
  return [];
}

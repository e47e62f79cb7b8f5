/**
 * What the detectors compare: the quantities a failing trial produced. A call's result is
 * split into its named parts (an object's fields, recursively), each a number or an array
 * — `delta_O_in`, `params.b_k` — so that one wrong part can be told from the right ones.
 * The arguments as the call left them are quantities too, to see mutation.
 */
import { FLOAT_TOLERANCE, withinTolerance } from '../../exercises/shared/expect-close';
import type { InvokeOutcome } from '../checks/runner';

export interface Quantity {
  /** unique within the trial: call index, then the path */
  key: string;
  /** for the student: `delta_O_in`, `params.b_k`, `updateVector`, `what sgdStep leaves in its arguments` */
  label: string;
  value: unknown;
}

/** The quantities of one call's outcome, or none if it threw. */
export function quantitiesOf(fn: string, callIndex: number, outcome: InvokeOutcome): Quantity[] {
  if (!outcome.ok) return [];
  const parts: Quantity[] = [];
  const walk = (value: unknown, path: string): void => {
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    } else parts.push({ key: `${callIndex}:${path}`, label: path || `${fn}(…)`, value });
  };
  walk(outcome.result, '');
  parts.push({ key: `${callIndex}:argsAfter`, label: `what ${fn} leaves in its arguments`, value: outcome.argsAfter });
  return parts;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep equality of plain data with numbers compared within FLOAT_TOLERANCE (NaN equals NaN). */
export function closeData(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return (Number.isNaN(a) && Number.isNaN(b)) || withinTolerance(a, b, FLOAT_TOLERANCE);
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => closeData(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && closeData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return Object.is(a, b);
}

/** Compares two sets of quantities key by key; a key missing on one side counts as different. */
export function differingKeys(a: Quantity[], b: Quantity[]): Set<string> {
  const byKey = new Map(b.map((q) => [q.key, q.value]));
  const keys = new Set([...a.map((q) => q.key), ...b.map((q) => q.key)]);
  const aByKey = new Map(a.map((q) => [q.key, q.value]));
  return new Set([...keys].filter((k) => !(aByKey.has(k) && byKey.has(k) && closeData(aByKey.get(k), byKey.get(k)))));
}

/** "a", "a and b", "a, b and c" — each label once. */
export function listLabels(labels: string[]): string {
  const unique = [...new Set(labels)];
  return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

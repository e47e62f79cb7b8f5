/**
 * Names the likely misconception behind a failed check by replaying the failing calls on
 * the reference solution and on each known wrong implementation of the exercise, quantity
 * by quantity (quantities.ts). A wrong variant is named when, on every quantity the
 * student got wrong, it returns what the student returned — even if it also changes
 * quantities the student got right (then the naming says which ones match). A wrong value
 * that is another quantity's correct value is named too (another-quantity.ts). It
 * compares outputs only; it never reads the student's code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CallRecord, Naming } from '../checks/outcome';
import type { InvokeOutcome, Subject } from '../checks/runner';
import { transpileToCommonJs } from '../compile/transpile';
import { HostModules } from '../sandbox/host-modules';
import type { ModuleCode } from '../sandbox/sandbox';
import type { Misconception } from './catalogue-file';
import { anotherQuantity, ANOTHER_QUANTITY } from './another-quantity';
import { closeData, differingKeys, listLabels, quantitiesOf, type Quantity } from './quantities';

export { closeData } from './quantities';
export type { Misconception } from './catalogue-file';

/** At most this many quantities are listed by name in an observation. */
const MAX_LISTED = 6;

export class MisconceptionDetector {
  private readonly host: HostModules;
  /** each exercise's wrong variants, compiled when a check of that exercise first fails (most runs need few or none) */
  private readonly variants = new Map<string, { meta: Misconception; subject: Subject }[]>();

  constructor(
    readonly catalogue: Misconception[],
    private readonly kitRoot: string,
    kitModules: Map<string, ModuleCode>,
  ) {
    this.host = new HostModules(kitModules);
  }

  private variantsOf(exercise: string): { meta: Misconception; subject: Subject }[] {
    let variants = this.variants.get(exercise);
    if (!variants) {
      variants = this.catalogue.filter((meta) => meta.exercise === exercise).map((meta) => {
        const js = transpileToCommonJs(readFileSync(path.join(this.kitRoot, meta.file), 'utf8'), path.basename(meta.file));
        return { meta, subject: this.host.with([{ id: meta.exercise, js }]).subject(meta.exercise) };
      });
      this.variants.set(exercise, variants);
    }
    return variants;
  }

  /** The misconceptions the failing trial's calls show, catalogue entries first. */
  detect(exercise: string, calls: CallRecord[]): Naming[] {
    if (calls.length === 0 || calls.some((c) => c.error || !('result' in c))) return [];
    const student = calls.flatMap((call, i) => quantitiesOf(call.fn, i, { ok: true, result: call.result, argsAfter: call.argsAfter ?? [] }));
    const reference = replay(this.host.subject(exercise), calls);
    if (!reference) return [];
    const wrong = differingKeys(student, reference);
    if (wrong.size === 0) return [];
    const label = labeller(student, reference);

    const named = this.variantsOf(exercise)
      .flatMap((v): Naming[] => {
        for (const attempt of attempts(v.meta, calls)) {
          const variant = replay(v.subject, attempt.calls, calls);
          if (!variant || [...wrong].some((key) => !sameAt(key, student, variant))) continue;
          return [{ id: v.meta.id, observed: observation(wrong, differingKeys(variant, reference), label) + attempt.note }];
        }
        return [];
      });
    const others = anotherQuantity(student, reference, wrong, calls);
    return others.length > 0 ? [...named, { id: ANOTHER_QUANTITY, observed: others.join(' ') }] : named;
  }
}

/**
 * The quantities of every call replayed on `subject`, or undefined if one threw. Arguments
 * added to fill a default (see attempts) are left out of what the call leaves in its arguments.
 */
function replay(subject: Subject, calls: CallRecord[], asMade: CallRecord[] = calls): Quantity[] | undefined {
  const outcomes: InvokeOutcome[] = calls.map((call) => subject.invoke(call.fn, structuredClone(call.args)));
  if (outcomes.some((o) => !o.ok)) return undefined;
  return outcomes.flatMap((o, i) => quantitiesOf(calls[i].fn, i, o.ok ? { ...o, argsAfter: o.argsAfter.slice(0, asMade[i].args.length) } : o));
}

/** Both sides have the same value at `key`, or both lack it (a field the mistake leaves out). */
function sameAt(key: string, a: Quantity[], b: Quantity[]): boolean {
  const qa = a.find((q) => q.key === key);
  const qb = b.find((q) => q.key === key);
  return qa === undefined || qb === undefined ? qa === qb : closeData(qa.value, qb.value);
}

/** The calls as made, then (for entries with `defaults`) with each default the mistake might have used. */
function attempts(meta: Misconception, calls: CallRecord[]): { calls: CallRecord[]; note: string }[] {
  const asMade = { calls, note: '' };
  const withDefaults = (meta.defaults ?? []).flatMap((d) => {
    if (!calls.some((c) => c.fn === d.fn && c.args.length <= d.arg)) return [];
    return d.values.map((value) => ({
      calls: calls.map((c) => (c.fn === d.fn && c.args.length <= d.arg ? { ...c, args: [...c.args, ...Array(d.arg - c.args.length).fill(undefined), value] } : c)),
      note: ` That holds with ${d.name} = ${value} where the check left ${d.name} to its default: the same mistake, with another default.`,
    }));
  });
  return [asMade, ...withDefaults];
}

/** Labels by key, from whichever side has the quantity. */
function labeller(...sides: Quantity[][]): (key: string) => string {
  const labels = new Map(sides.flat().map((q) => [q.key, q.label]));
  return (key) => labels.get(key) ?? key;
}

/** "On X and Y, your code returns what this mistake gives." — and, for a partial match, what it would also change. */
function observation(wrong: Set<string>, variantChanges: Set<string>, label: (key: string) => string): string {
  const list = (keys: string[]): string => {
    const labels = [...new Set(keys.map(label))];
    return labels.length > MAX_LISTED ? `${labels.slice(0, MAX_LISTED).join(', ')} and ${labels.length - MAX_LISTED} more` : listLabels(labels);
  };
  const alsoChanged = [...variantChanges].filter((k) => !wrong.has(k));
  const base = `On ${list([...wrong])}, your code returns what this mistake gives.`;
  return alsoChanged.length === 0 ? base : `${base} The mistake would also change ${list(alsoChanged)}, which your code gets right: only that part of it is in your code.`;
}


/**
 * Names the likely misconception behind a failed check by replaying the failing calls on
 * each known wrong implementation of the exercise: when a wrong variant returns what the
 * student returned (and leaves the arguments as the student's code left them), that is
 * the mistake. It compares outputs only; it never reads the student's code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FLOAT_TOLERANCE, withinTolerance } from '../../exercises/shared/expect-close';
import type { CallRecord } from '../checks/outcome';
import type { Subject } from '../checks/runner';
import { transpileToCommonJs } from '../compile/transpile';
import { HostModules } from '../sandbox/host-modules';
import type { ModuleCode } from '../sandbox/sandbox';
import type { Exercise } from '../track';

const metaSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  exercise: z.string(),
  title: z.string().min(1),
  explanation: z.string().min(1),
});

export type Misconception = z.infer<typeof metaSchema> & {
  /** the fixture's student file, relative to the kit root */
  file: string;
};

export const CATALOGUE_DIR = path.join('grader', 'misconceptions', 'catalogue');

/** Reads every catalogue entry: a folder with misconception.json and the student file with the mistake. */
export function readCatalogue(kitRoot: string, track: Exercise[]): Misconception[] {
  const dir = path.join(kitRoot, CATALOGUE_DIR);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const meta = metaSchema.parse(JSON.parse(readFileSync(path.join(dir, name, 'misconception.json'), 'utf8')));
      const exercise = track.find((e) => e.id === meta.exercise);
      if (!exercise) throw new Error(`${CATALOGUE_DIR}/${name}: unknown exercise ${meta.exercise}`);
      if (meta.id !== name) throw new Error(`${CATALOGUE_DIR}/${name}: id must equal the folder name`);
      return { ...meta, file: path.join(CATALOGUE_DIR, name, exercise.file) };
    });
}

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

  /** Ids of the misconceptions whose variant reproduces every call of the failing trial. */
  detect(exercise: string, calls: CallRecord[]): string[] {
    if (calls.length === 0 || calls.some((c) => c.error || !('result' in c))) return [];
    return this.variantsOf(exercise)
      .filter((v) =>
        calls.every((call) => {
          const outcome = v.subject.invoke(call.fn, structuredClone(call.args));
          return outcome.ok && closeData(outcome.result, call.result) && closeData(outcome.argsAfter, call.argsAfter ?? []);
        }),
      )
      .map((v) => v.meta.id);
  }
}

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

/**
 * The catalogue of known mistakes as files: one folder per entry with misconception.json and
 * the student file that makes the mistake. Reading it needs no compiler, so the main process
 * (which only names the catalogue in its reports and fingerprint) never loads one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Exercise } from '../track';

const metaSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  exercise: z.string(),
  title: z.string().min(1),
  explanation: z.string().min(1),
  /**
   * Arguments the mistake does not pin down: where a call leaves argument `arg` of `fn` to
   * its default, the variant is also replayed with each of `values` (the same mistake with
   * another default, e.g. a one-sided difference with h = 1e-2).
   */
  defaults: z.array(z.object({ fn: z.string(), arg: z.number().int().min(0), name: z.string(), values: z.array(z.number()).min(1) })).optional(),
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


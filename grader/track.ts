/** The ordered list of exercises (exercises/track.json), validated once. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { KitError } from './errors';
import { kitPath } from './paths';

const exerciseSchema = z.object({
  id: z.string().regex(/^\d\d-[a-z0-9-]+$/),
  title: z.string().min(1),
  file: z.string().regex(/^[a-z0-9-]+\.ts$/),
  functions: z.array(z.string().min(1)).min(1),
  dependsOn: z.array(z.string()),
});
const trackSchema = z.object({ exercises: z.array(exerciseSchema).min(1) });

export type Exercise = z.infer<typeof exerciseSchema>;

const cached = new Map<string, Exercise[]>();

/** The exercises in track order, from `<root>/exercises/track.json` (the kit's own by default). */
export function loadTrack(root = kitPath()): Exercise[] {
  const known = cached.get(root);
  if (known) return known;
  const file = path.join(root, 'exercises', 'track.json');
  const parsed = trackSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new KitError('TRACK_INVALID', `${file} is invalid: ${z.prettifyError(parsed.error)}`, 'Fix exercises/track.json (see the entries beside the broken one).');
  }
  const ids = new Set(parsed.data.exercises.map((e) => e.id));
  for (const exercise of parsed.data.exercises) {
    for (const dep of exercise.dependsOn) {
      if (!ids.has(dep)) throw new KitError('TRACK_INVALID', `${exercise.id} depends on unknown exercise ${dep}`, 'Fix dependsOn in exercises/track.json.');
    }
  }
  cached.set(root, parsed.data.exercises);
  return parsed.data.exercises;
}

/** Finds an exercise by id, by its number (`4`, `04`) or by its name (`softmax`). */
export function findExercise(query: string, track: Exercise[] = loadTrack()): Exercise {
  const q = query.trim().replace(/\/$/, '');
  const found =
    track.find((e) => e.id === q || e.id === path.basename(q)) ??
    track.find((e) => /^\d+$/.test(q) && Number(e.id.slice(0, 2)) === Number(q)) ??
    track.find((e) => e.id.slice(3) === q || e.file === q || e.file === `${q}.ts`);
  if (!found) {
    throw new KitError('EXERCISE_UNKNOWN', `There is no exercise "${query}".`, `Choose one of: ${track.map((e) => e.id).join(', ')}`);
  }
  return found;
}

/** Path of an exercise's source file under a tree that has the exercises layout (exercises/ or solutions/). */
export const exerciseFile = (root: string, exercise: Exercise): string => path.join(root, exercise.id, exercise.file);

/**
 * Finds where in a submission the exercises are: the folder holding the NN-name/ folders.
 * Students zip the folder instead of its contents, drop the exercises/ level, or nest it
 * deeper; the folder with the most exercise files wins.
 */
import type { Exercise } from '../track';
import { compareText, depthOf, joinPath, type TreeEntry } from './tree';

export interface ExerciseRoot {
  /** the folder holding the NN-name/ folders, relative to the submission root */
  root: string;
  /** ids of the exercises present there (as a file, or as something the report must explain) */
  exerciseIds: string[];
}

export const CANONICAL_ROOT = 'exercises';

/** The folders that hold exercises, best first: most exercises, then exercises/, then shallowest, then by name. */
export function findExerciseRoots(entries: TreeEntry[], track: Exercise[], maxDepth: number): ExerciseRoot[] {
  const idByFilePath = new Map(track.map((exercise) => [`${exercise.id}/${exercise.file}`, exercise.id]));
  const trackIds = new Set(track.map((exercise) => exercise.id));
  const found = new Map<string, Set<string>>();
  const add = (root: string, id: string): void => {
    if (depthOf(root) <= maxDepth) found.set(root, (found.get(root) ?? new Set()).add(id));
  };
  for (const entry of entries) {
    const segments = entry.path.split('/');
    const fileId = idByFilePath.get(segments.slice(-2).join('/'));
    if (fileId && segments.length >= 2) add(segments.slice(0, -2).join('/'), fileId);
    // a linked exercise folder counts, so the report can say why it was not read
    if (entry.kind === 'symlink' && trackIds.has(segments.at(-1)!)) add(segments.slice(0, -1).join('/'), segments.at(-1)!);
  }
  return [...found]
    .map(([root, ids]) => ({ root, exerciseIds: track.map((e) => e.id).filter((id) => ids.has(id)) }))
    .sort(compareRoots);
}

function compareRoots(a: ExerciseRoot, b: ExerciseRoot): number {
  return (
    b.exerciseIds.length - a.exerciseIds.length ||
    Number(b.root === CANONICAL_ROOT) - Number(a.root === CANONICAL_ROOT) ||
    depthOf(a.root) - depthOf(b.root) ||
    compareText(a.root, b.root)
  );
}

export const exercisePath = (root: string, exercise: Exercise): string => joinPath(root, exercise.id, exercise.file);

/** The sentences a student reads about how their submission was found and read. */
import type { Exercise } from '../track';
import { CANONICAL_ROOT, type ExerciseRoot } from './layout';
import { joinPath, type TreeEntry } from './tree';
import { EXTRA_FILES_LISTED } from './limits';

const SYMLINKS_NOTED = 10;
const FILES_IN_MESSAGE = 10;

const whereIs = (root: string): string => (root === '' ? 'at the top of your submission' : `in ${root}/`);

/** Why the exercises were graded from where they were, and what else was left aside (`wholeCourse`: a handout folder with its exercises/ inside, as handed out). */
export function layoutNotes([chosen, ...others]: ExerciseRoot[], options: { wholeCourse?: boolean } = {}): string[] {
  if (!chosen) return [];
  const notes: string[] = [];
  const { root } = chosen;
  if (options.wholeCourse) {
    // the course folder itself, zipped as its README says: nothing to tell the student
  } else if (root === '') {
    notes.push(`Your exercise folders were at the top of your submission instead of inside ${CANONICAL_ROOT}/; they were graded from there.`);
  } else if (root.endsWith(`/${CANONICAL_ROOT}`)) {
    notes.push(`Your exercises were inside the folder ${root.slice(0, -CANONICAL_ROOT.length)}; they were graded from there.`);
  } else if (root !== CANONICAL_ROOT) {
    notes.push(`Your exercise folders were in ${root}/ instead of ${CANONICAL_ROOT}/; they were graded from there.`);
  }
  for (const other of others) {
    notes.push(`Exercise files were also found ${whereIs(other.root)} (${other.exerciseIds.length} of them); only those ${whereIs(root)} were graded.`);
  }
  return notes;
}

/** For an exercise reported missing whose folder is there: the files it holds, often a misnamed one. */
export function misnamedNotes(entries: TreeEntry[], root: string, missing: Exercise[]): string[] {
  return missing.flatMap((exercise) => {
    const folder = joinPath(root, exercise.id);
    const files = entries.filter((e) => e.kind === 'file' && e.path.startsWith(`${folder}/`) && !e.path.slice(folder.length + 1).includes('/'));
    if (files.length === 0) return [];
    const names = files.map((e) => e.path.slice(folder.length + 1)).join(', ');
    return [`${folder}/ has no ${exercise.file} (it holds: ${names}); the file must be named exactly ${exercise.file}.`];
  });
}

/** Links the grader left alone, other than those already reported as an exercise's status. */
export function symlinkNotes(entries: TreeEntry[], reported: Set<string>): string[] {
  const links = entries.filter((e) => e.kind === 'symlink' && !reported.has(e.path));
  const notes = links.slice(0, SYMLINKS_NOTED).map((e) => `${e.path} is a symbolic link; the grader does not follow links.`);
  if (links.length > SYMLINKS_NOTED) notes.push(`${links.length - SYMLINKS_NOTED} more symbolic links were not followed either.`);
  return notes;
}

export function extraFilesNote(extraFileCount: number): string[] {
  return extraFileCount > EXTRA_FILES_LISTED ? [`${extraFileCount} other files were present; the first ${EXTRA_FILES_LISTED} are listed.`] : [];
}

export function noExercisesMessage(entries: TreeEntry[], track: Exercise[]): string {
  const example = joinPath(CANONICAL_ROOT, track[0]!.id, track[0]!.file);
  const files = entries.filter((e) => e.kind === 'file').map((e) => e.path);
  const listed = files.slice(0, FILES_IN_MESSAGE).join(', ') + (files.length > FILES_IN_MESSAGE ? `, and ${files.length - FILES_IN_MESSAGE} more` : '');
  const holds = files.length === 0 ? 'It holds no files the grader reads.' : `It holds: ${listed}.`;
  return `No exercise files were found in your submission; the grader looks for files like ${example}. ${holds}`;
}

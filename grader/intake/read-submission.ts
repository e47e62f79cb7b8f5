/**
 * Reads one student's submission (folder or zip) into memory: the exercise files found,
 * what else was there, and notes for the student. A bad submission never throws; it comes
 * back with a fatal problem or with unreadable files, and the rest is graded.
 */
import { loadTrack, type Exercise } from '../track';
import { contentHash } from './content-hash';
import { decodeSource } from './decode';
import { openFolderTree } from './folder-tree';
import { courseFolderOf, isHandoutFile, pathInCourse } from './handout-files';
import { exercisePath, findExerciseRoots } from './layout';
import { EXTRA_FILES_LISTED, formatSize, resolveLimits, type IntakeLimits } from './limits';
import { extraFilesNote, layoutNotes, misnamedNotes, noExercisesMessage, symlinkNotes } from './notes';
import { IntakeFatalError, isSystemError, joinPath, type SubmissionTree, type TreeEntry } from './tree';
import type { ExerciseFile, Submission, SubmissionSource, UnreadableReason } from './types';
import { openZipTree } from './zip-tree';

export async function readSubmission(source: SubmissionSource, limitOverrides: Partial<IntakeLimits> = {}): Promise<Submission> {
  const limits = resolveLimits(limitOverrides);
  const track = loadTrack();
  let tree: SubmissionTree;
  try {
    tree = source.kind === 'zip' ? await openZipTree(source.path, limits) : await openFolderTree(source.path, limits.maxDepth);
  } catch (error) {
    return fatalSubmission(source, track, asFatal(error));
  }
  try {
    return await readFromTree(source, tree, track, limits);
  } catch (error) {
    return fatalSubmission(source, track, asFatal(error), tree.notes);
  } finally {
    await tree.close();
  }
}

async function readFromTree(source: SubmissionSource, tree: SubmissionTree, track: Exercise[], limits: IntakeLimits): Promise<Submission> {
  const roots = findExerciseRoots(tree.entries, track, limits.maxDepth);
  const chosen = roots[0];
  if (!chosen) {
    const fatal = { code: 'no-exercises', message: noExercisesMessage(tree.entries, track) } as const;
    return fatalSubmission(source, track, fatal, [...tree.notes, ...symlinkNotes(tree.entries, new Set())], filesOf(tree.entries));
  }
  const entriesByPath = new Map(tree.entries.map((entry) => [entry.path, entry]));
  const exercises: Record<string, ExerciseFile> = {};
  for (const exercise of track) {
    exercises[exercise.id] = await readExercise(tree, entriesByPath, chosen.root, exercise, limits.maxFileBytes);
  }
  const reported = new Set(Object.values(exercises).flatMap((file) => (file.status === 'missing' ? [] : [file.path])));
  // a whole handout folder handed in (its package.json beside exercises/): its own READMEs,
  // hints, specs and tools are not the student's extras
  const course = courseFolderOf(chosen.root);
  const wholeCourse = course !== undefined && tree.entries.some((e) => e.path === joinPath(course, 'package.json'));
  const handoutFile = (path: string): boolean => {
    const inCourse = wholeCourse ? pathInCourse(path, course!) : undefined;
    return inCourse !== undefined && isHandoutFile(inCourse);
  };
  const extraFiles = filesOf(tree.entries).filter((path) => !reported.has(path) && !handoutFile(path));
  const missing = track.filter((exercise) => exercises[exercise.id]!.status === 'missing');
  return {
    id: source.id,
    source,
    contentHash: contentHash(exercises, undefined),
    exercises,
    foundAt: chosen.root,
    extraFiles: extraFiles.slice(0, EXTRA_FILES_LISTED),
    notes: [
      ...layoutNotes(roots, { wholeCourse }),
      ...tree.notes,
      ...misnamedNotes(tree.entries, chosen.root, missing),
      ...symlinkNotes(tree.entries, reported),
      ...extraFilesNote(extraFiles.length),
    ],
  };
}

async function readExercise(tree: SubmissionTree, entries: Map<string, TreeEntry>, root: string, exercise: Exercise, maxFileBytes: number): Promise<ExerciseFile> {
  const folder = joinPath(root, exercise.id);
  if (entries.get(folder)?.kind === 'symlink') {
    return unreadable('symlink', folder, `${folder} is a symbolic link; the grader does not follow links. Put the folder itself in your submission.`);
  }
  const path = exercisePath(root, exercise);
  const entry = entries.get(path);
  if (!entry) return { status: 'missing' };
  if (entry.kind === 'symlink') return unreadable('symlink', path, `${path} is a symbolic link; the grader does not follow links. Put the file itself in your submission.`);
  if (entry.kind !== 'file') return unreadable('not-a-file', path, `${path} is ${entry.kind === 'folder' ? 'a folder' : 'not a regular file'}, not a source file.`);
  let bytes: Buffer | 'too-large';
  try {
    bytes = await tree.read(entry, maxFileBytes);
  } catch (error) {
    if (!isSystemError(error)) throw error;
    return unreadable('read-error', path, `${path} could not be read (${error.code}).`);
  }
  if (bytes === 'too-large') return unreadable('too-large', path, `${path} is larger than ${formatSize(maxFileBytes)}, the most the grader reads for one exercise.`);
  const decoded = decodeSource(bytes, path);
  if (!decoded.ok) return unreadable('not-utf8', path, decoded.message);
  return { status: 'ok', content: decoded.text, path, bytes: bytes.length };
}

const unreadable = (reason: UnreadableReason, path: string, message: string): ExerciseFile => ({ status: 'unreadable', reason, message, path });

const filesOf = (entries: TreeEntry[]): string[] => entries.filter((entry) => entry.kind === 'file').map((entry) => entry.path);

/** Problems with the submission become a fatal result; anything else is a bug in the kit and propagates. */
function asFatal(error: unknown): NonNullable<Submission['fatal']> {
  if (error instanceof IntakeFatalError) return { code: error.code, message: error.message };
  if (isSystemError(error)) return { code: 'unreadable', message: `The submission could not be read (${error.code}).` };
  throw error;
}

function fatalSubmission(source: SubmissionSource, track: Exercise[], fatal: NonNullable<Submission['fatal']>, notes: string[] = [], files: string[] = []): Submission {
  const exercises: Record<string, ExerciseFile> = Object.fromEntries(track.map((exercise) => [exercise.id, { status: 'missing' } as const]));
  return {
    id: source.id,
    source,
    contentHash: contentHash(exercises, fatal),
    exercises,
    foundAt: null,
    extraFiles: files.slice(0, EXTRA_FILES_LISTED),
    notes: [...notes, ...extraFilesNote(files.length)],
    fatal,
  };
}

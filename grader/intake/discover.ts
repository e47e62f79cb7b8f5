/** Lists the submissions in the folder an instructor hands to `backprop-kit grade`. */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { KitError } from '../errors';
import { compareText, isIgnoredName } from './tree';
import type { SubmissionSource } from './types';

export interface IgnoredEntry {
  name: string;
  reason: string;
}

export interface Discovery {
  /** sorted by id */
  submissions: SubmissionSource[];
  /** top-level entries that are not submissions, sorted by name, for the instructor */
  ignored: IgnoredEntry[];
}

const ZIP_EXTENSION = /\.zip$/i;
const EXPECTED_LAYOUT = 'one folder or .zip per student, named after the student';

export async function discoverSubmissions(dir: string): Promise<Discovery> {
  const folder = path.resolve(dir);
  const dirents = await listSubmissionsFolder(folder);
  const submissions: SubmissionSource[] = [];
  const ignored: IgnoredEntry[] = [];
  for (const dirent of dirents.sort((a, b) => compareText(a.name, b.name))) {
    const classified = classify(folder, dirent);
    if ('reason' in classified) ignored.push(classified);
    else submissions.push(classified);
  }
  if (submissions.length === 0) {
    const found = ignored.length === 0 ? 'it is empty' : `it holds only ${ignored.map((entry) => entry.name).join(', ')}`;
    throw new KitError('SUBMISSIONS_NOT_FOUND', `No submissions in ${folder}: ${found}.`, `Put ${EXPECTED_LAYOUT}, directly inside ${folder}.`);
  }
  assertUniqueIds(folder, submissions);
  return { submissions: submissions.sort((a, b) => compareText(a.id, b.id)), ignored };
}

async function listSubmissionsFolder(folder: string): Promise<Dirent[]> {
  const nextStep = `Pass the folder that holds the submissions (${EXPECTED_LAYOUT}): backprop-kit grade <submissions-dir>`;
  // stat, not lstat: the instructor may well hand over a link to the folder; links inside it are not followed.
  const stats = await stat(folder).catch(() => null);
  if (!stats) throw new KitError('SUBMISSIONS_NOT_FOUND', `The submissions folder ${folder} does not exist.`, nextStep);
  if (!stats.isDirectory()) throw new KitError('SUBMISSIONS_NOT_FOUND', `${folder} is a file, not a folder of submissions.`, `${nextStep}. A single student's zip goes inside such a folder.`);
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch (error) {
    throw new KitError('SUBMISSIONS_NOT_FOUND', `The submissions folder ${folder} could not be read (${(error as NodeJS.ErrnoException).code ?? error}).`, 'Check that you may read it, then run the command again.');
  }
}

function classify(folder: string, dirent: Dirent): SubmissionSource | IgnoredEntry {
  const { name } = dirent;
  if (isIgnoredName(name)) return { name, reason: 'hidden or tool folder' };
  // A link could point at anything, another student's work included: never followed.
  if (dirent.isSymbolicLink()) return { name, reason: 'symbolic link (not followed)' };
  if (dirent.isDirectory()) return { id: name, path: path.join(folder, name), kind: 'folder' };
  if (dirent.isFile() && ZIP_EXTENSION.test(name)) return { id: name.replace(ZIP_EXTENSION, ''), path: path.join(folder, name), kind: 'zip' };
  return { name, reason: 'not a folder or a .zip' };
}

function assertUniqueIds(folder: string, submissions: SubmissionSource[]): void {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { id } of submissions) (seen.has(id) ? duplicates : seen).add(id);
  if (duplicates.size === 0) return;
  const ids = [...duplicates].sort(compareText).join(', ');
  throw new KitError('SUBMISSIONS_DUPLICATE_ID', `More than one submission in ${folder} has the id ${ids} (a folder and a .zip of the same name?).`, 'Keep one submission per student, then run the command again.');
}

/**
 * Lists and reads a submission folder without following symbolic links and without writing
 * anything. The calls are synchronous: a submission is a few small files, and the thread
 * pool round trip of each asynchronous call would cost more than the read itself.
 */
import { closeSync, constants, type Dirent, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';
import { IntakeFatalError, byPath, compareText, isIgnoredName, joinPath, listingDepth, type EntryKind, type SubmissionTree, type TreeEntry } from './tree';

// O_NOFOLLOW makes open() fail on a link swapped in after the listing, O_NONBLOCK keeps it from
// waiting on a named pipe; neither exists on Windows.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export async function openFolderTree(root: string, maxDepth: number): Promise<SubmissionTree> {
  await assertRealFolder(root);
  const entries: TreeEntry[] = [];
  const notes: string[] = [];
  await listFolder(root, '', listingDepth(maxDepth), entries, notes);
  entries.sort(byPath);
  return {
    entries,
    notes,
    read: (entry, maxBytes) => readFileCapped(path.join(root, ...entry.path.split('/')), maxBytes),
    close: async () => {},
  };
}

async function assertRealFolder(root: string): Promise<void> {
  let stats;
  try {
    stats = lstatSync(root);
  } catch (error) {
    throw new IntakeFatalError('unreadable', `The submission could not be opened (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  if (stats.isSymbolicLink()) throw new IntakeFatalError('unreadable', 'The submission is a symbolic link; the grader does not follow links.');
  if (!stats.isDirectory()) throw new IntakeFatalError('unreadable', 'The submission is not a folder.');
}

async function listFolder(root: string, relative: string, depthLeft: number, out: TreeEntry[], notes: string[]): Promise<void> {
  let dirents: Dirent[];
  try {
    dirents = readdirSync(path.join(root, ...relative.split('/')), { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (relative === '') throw new IntakeFatalError('unreadable', `The submission folder could not be read (${code}).`);
    notes.push(`The folder ${relative}/ could not be read (${code}) and was skipped.`);
    return;
  }
  // sorted so that notes about unreadable folders come in the same order on every file system
  for (const dirent of dirents.sort((a, b) => compareText(a.name, b.name))) {
    if (isIgnoredName(dirent.name)) continue;
    const entry = { path: joinPath(relative, dirent.name), kind: kindOf(dirent) };
    out.push(entry);
    if (entry.kind === 'folder' && depthLeft > 1) await listFolder(root, entry.path, depthLeft - 1, out, notes);
  }
}

// readdir's file types come from lstat: a link is reported as a link, never as what it points to.
function kindOf(dirent: Dirent): EntryKind {
  if (dirent.isSymbolicLink()) return 'symlink';
  if (dirent.isDirectory()) return 'folder';
  if (dirent.isFile()) return 'file';
  return 'other';
}

/** Reads at most maxBytes + 1 bytes, so a huge file (or one growing meanwhile) never fills memory. */
async function readFileCapped(file: string, maxBytes: number): Promise<Buffer | 'too-large'> {
  const fd = openSync(file, READ_FLAGS);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: 'EFTYPE' });
    if (stats.size > maxBytes) return 'too-large';
    // sized for the file (one byte more, to notice it growing), not for the limit: most files are small
    let buffer = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > maxBytes) break;
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
    }
    return length > maxBytes ? 'too-large' : buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

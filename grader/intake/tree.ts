/**
 * A submission seen as a flat list of entries, whether it is a folder or a zip, so that
 * finding the exercises and reading them is the same code for both.
 */
import type { FatalCode } from './types';

export type EntryKind = 'file' | 'folder' | 'symlink' | 'other';

export interface TreeEntry {
  /** relative to the submission root, segments joined with '/', no leading or trailing '/' */
  path: string;
  kind: EntryKind;
}

export interface SubmissionTree {
  /** the entries outside ignored folders, down to the depth searched, sorted by path */
  entries: TreeEntry[];
  /** what the student should know about how the listing went (folders skipped, duplicates) */
  notes: string[];
  /** A file's bytes, or 'too-large' when it holds more than maxBytes. Throws IntakeFatalError when the whole submission is unusable. */
  read(entry: TreeEntry, maxBytes: number): Promise<Buffer | 'too-large'>;
  close(): Promise<void>;
}

/** A problem that makes the whole submission unreadable (as opposed to one file). */
export class IntakeFatalError extends Error {
  constructor(
    readonly code: FatalCode,
    message: string,
  ) {
    super(message);
  }
}

/** An error from the file system (it has a code such as ENOENT), as opposed to a bug or an IntakeFatalError. */
export const isSystemError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && !(error instanceof IntakeFatalError) && typeof (error as NodeJS.ErrnoException).code === 'string';

/** Folders that never hold the student's own work: tools' caches and the Finder's litter. */
const IGNORED_FOLDERS = new Set(['node_modules', '__MACOSX']);

/** Names skipped while listing a submission: dotfiles (.git, .DS_Store, .vscode) and tool folders. */
export const isIgnoredName = (name: string): boolean => name.startsWith('.') || IGNORED_FOLDERS.has(name);

export const isIgnoredPath = (path: string): boolean => path.split('/').some(isIgnoredName);

export const depthOf = (path: string): number => (path === '' ? 0 : path.split('/').length);

export const joinPath = (...parts: string[]): string => parts.filter((part) => part !== '').join('/');

/** Code-unit order, the same on every machine and locale (unlike localeCompare). */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const byPath = (a: { path: string }, b: { path: string }): number => compareText(a.path, b.path);

/** How deep entries are listed: files of exercise folders at the deepest allowed root. */
export const listingDepth = (maxDepth: number): number => maxDepth + 2;

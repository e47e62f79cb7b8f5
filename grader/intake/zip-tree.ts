/**
 * Lists and reads a submission .zip in memory with yauzl: nothing is ever extracted to disk.
 * Refuses unsafe entry names, and stops a zip bomb before it fills memory.
 */
import { lstat } from 'node:fs/promises';
import yauzl from 'yauzl';
import { MAX_ZIP_ENTRIES_IN_ALL, formatSize, type IntakeLimits } from './limits';
import { IntakeFatalError, byPath, depthOf, isIgnoredPath, listingDepth, type EntryKind, type SubmissionTree, type TreeEntry } from './tree';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;

export async function openZipTree(zipPath: string, limits: IntakeLimits): Promise<SubmissionTree> {
  await assertRealFile(zipPath);
  const zip = await openZip(zipPath);
  try {
    const listing = await listZip(zip, limits);
    return { ...listing, read: inflater(zip, listing.zipEntries, limits), close: async () => zip.close() };
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function assertRealFile(zipPath: string): Promise<void> {
  const stats = await lstat(zipPath).catch((error: NodeJS.ErrnoException) => {
    throw new IntakeFatalError('unreadable', `The zip could not be opened (${error.code ?? error.message}).`);
  });
  if (stats.isSymbolicLink()) throw new IntakeFatalError('unreadable', 'The zip is a symbolic link; the grader does not follow links.');
  if (!stats.isFile()) throw new IntakeFatalError('unreadable', 'The zip is not a regular file.');
}

async function openZip(zipPath: string): Promise<yauzl.ZipFile> {
  try {
    // decodeStrings: false so that an unsafe name reaches us (and gets named in the report)
    // instead of ending the listing with a generic error; names are decoded and checked below.
    return await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
  } catch (error) {
    throw corrupt(error);
  }
}

const corrupt = (error: unknown): IntakeFatalError => {
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\.+$/, '');
  return new IntakeFatalError('zip-corrupt', `The zip could not be read: ${reason}. Make the zip again and resubmit it.`);
};

const tooLarge = (what: string): IntakeFatalError =>
  new IntakeFatalError('zip-too-large', `The zip ${what}, more than the grader reads. Zip only your exercises folder and resubmit it.`);

interface ZipListing {
  entries: TreeEntry[];
  notes: string[];
  zipEntries: Map<string, yauzl.Entry>;
}

async function listZip(zip: yauzl.ZipFile, limits: IntakeLimits): Promise<ZipListing> {
  if (zip.entryCount > Math.max(MAX_ZIP_ENTRIES_IN_ALL, limits.maxZipEntries)) throw tooLarge(`has ${zip.entryCount} entries`);
  const zipEntries = new Map<string, yauzl.Entry>();
  const entries: TreeEntry[] = [];
  const duplicates: string[] = [];
  let counted = 0;
  let declaredBytes = 0;
  try {
    for await (const zipEntry of zip.eachEntry()) {
      const name = decodeName(zipEntry);
      assertSafeName(name);
      const path = normalizeName(name);
      if (path === '' || isIgnoredPath(path)) continue;
      if (++counted > limits.maxZipEntries) throw tooLarge(`has more than ${limits.maxZipEntries} entries`);
      // Checked on what entries declare, before inflating anything; validateEntrySizes makes
      // yauzl fail any entry that inflates to more than it declared.
      declaredBytes += zipEntry.uncompressedSize;
      if (declaredBytes > limits.maxZipTotalBytes) throw tooLarge(`holds more than ${formatSize(limits.maxZipTotalBytes)} once unzipped`);
      if (depthOf(path) > listingDepth(limits.maxDepth)) continue;
      if (zipEntries.has(path)) {
        duplicates.push(path);
        continue;
      }
      zipEntries.set(path, zipEntry);
      entries.push({ path, kind: kindOf(zipEntry, name) });
    }
  } catch (error) {
    throw error instanceof IntakeFatalError ? error : corrupt(error);
  }
  return { entries: entries.sort(byPath), notes: duplicates.map((path) => `The zip holds ${path} more than once; the first copy was used.`), zipEntries };
}

function decodeName(zipEntry: yauzl.Entry): string {
  // With decodeStrings: false, fileName is the raw bytes; strictFileNames false turns the
  // backslashes of some Windows zip tools into '/', so '..\x' is caught as '../x' below.
  return yauzl.getFileNameLowLevel(zipEntry.generalPurposeBitFlag, zipEntry.fileNameRaw, zipEntry.extraFields, false);
}

function assertSafeName(name: string): void {
  const problem = yauzl.validateFileName(name) ?? (name.includes('\0') ? 'NUL character in the name' : null);
  if (problem !== null) {
    throw new IntakeFatalError('zip-unsafe-path', `The zip contains the entry "${name}", whose path leads outside the zip (${problem}). Zip your exercises folder again, without absolute or "../" paths.`);
  }
}

/** 'a//b/./c/' → 'a/b/c': some tools write './' prefixes, which must not read as dot-folders. */
const normalizeName = (name: string): string =>
  name
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/');

// The Unix mode lives in the upper 16 bits of the external attributes; zips made on Windows leave it 0.
function kindOf(zipEntry: yauzl.Entry, name: string): EntryKind {
  const type = (zipEntry.externalFileAttributes >>> 16) & S_IFMT;
  if (type === S_IFLNK) return 'symlink';
  if (type === S_IFDIR || name.endsWith('/')) return 'folder';
  if (type === S_IFREG || type === 0) return 'file';
  return 'other';
}

function inflater(zip: yauzl.ZipFile, zipEntries: Map<string, yauzl.Entry>, limits: IntakeLimits): SubmissionTree['read'] {
  let inflatedBytes = 0;
  return async (entry, maxBytes) => {
    const zipEntry = zipEntries.get(entry.path);
    if (!zipEntry || entry.kind !== 'file') throw new Error(`${entry.path} is not a file in the zip`);
    if (zipEntry.uncompressedSize > maxBytes) return 'too-large';
    const chunks: Buffer[] = [];
    let length = 0;
    try {
      // Counted as it inflates, whatever the headers claim: breaking out destroys the stream.
      const stream: AsyncIterable<Buffer> = await zip.openReadStreamPromise(zipEntry);
      for await (const chunk of stream) {
        length += chunk.length;
        inflatedBytes += chunk.length;
        if (inflatedBytes > limits.maxZipTotalBytes) throw tooLarge(`holds more than ${formatSize(limits.maxZipTotalBytes)} once unzipped`);
        if (length > maxBytes) return 'too-large';
        chunks.push(chunk);
      }
    } catch (error) {
      throw error instanceof IntakeFatalError ? error : corrupt(error);
    }
    return Buffer.concat(chunks, length);
  };
}

/** A safe, unique folder name for a student's reports, whatever their id looks like. */
import { createHash } from 'node:crypto';

const MAX_LENGTH = 64;
const HASH_LENGTH = 8;
const FALLBACK = 'student';
// Names Windows refuses as files or folders, whatever the extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/**
 * [A-Za-z0-9._-] only, never empty, '.' or '..', at most 64 characters. An id that is already
 * safe is kept as it is; any other gets a short hash of the original id appended, so two ids
 * that clean up alike ('a b', 'a?b') still get different folders.
 */
export function safeStudentDirName(id: string): string {
  const cleaned = clean(id);
  if (cleaned !== '' && cleaned === id && id.length <= MAX_LENGTH) return id;
  const hash = createHash('sha256').update(id, 'utf8').digest('hex').slice(0, HASH_LENGTH);
  const base = trimEdges(cleaned.slice(0, MAX_LENGTH - HASH_LENGTH - 1)) || FALLBACK;
  return `${base}-${hash}`;
}

function clean(id: string): string {
  const ascii = id
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: 'José' → 'Jose'
    .replace(/[^A-Za-z0-9._-]+/g, '_');
  const trimmed = trimEdges(ascii);
  return WINDOWS_RESERVED.test(trimmed) ? `_${trimmed}` : trimmed;
}

// No leading dot (hidden, '.', '..') or dash (read as an option), no trailing dot (Windows drops it).
const trimEdges = (name: string): string => name.replace(/^[._-]+/, '').replace(/[._-]+$/, '');

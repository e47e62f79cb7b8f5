/**
 * What a student's code controls (returned values, changed arguments, thrown messages,
 * printed output, compiler messages about its names) is copied into a record only in
 * small, fixed amounts: a message needs a length, a few entries, never the whole value.
 * These bounds keep every record small whatever the code does (docs/security.md).
 */

/** Characters kept of one message that holds text the student's code chose. */
export const MESSAGE_LIMIT = 500;
/** Entries of an array (or keys of an object) kept in a recorded value; the rest are counted. */
export const ENTRIES_KEPT = 6;
/** Nesting kept in a recorded value; deeper arrays and objects are described by their size. */
export const DEPTH_KEPT = 3;
/** Characters kept of a string inside a recorded value. */
export const STRING_KEPT = 60;

/** `text`, cut to `limit` characters with a note of how much was left out. */
export function clip(text: string, limit = MESSAGE_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length - limit} more characters)`;
}

/**
 * A small copy of plain data for a report: at most ENTRIES_KEPT entries per array or object
 * (then "… N more"), DEPTH_KEPT levels, strings cut to STRING_KEPT characters. Reads only
 * what it keeps, so a huge or deeply nested value costs no more than a small one.
 */
export function summarize(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return clip(value, STRING_KEPT);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (depth >= DEPTH_KEPT) return `[an array of ${value.length} items]`;
    const kept = value.slice(0, ENTRIES_KEPT).map((v) => summarize(v, depth + 1));
    return value.length > ENTRIES_KEPT ? [...kept, `… ${value.length - ENTRIES_KEPT} more items`] : kept;
  }
  const keys = Object.keys(value);
  if (depth >= DEPTH_KEPT) return `{an object with ${keys.length} keys}`;
  const copy: Record<string, unknown> = {};
  for (const key of keys.slice(0, ENTRIES_KEPT)) copy[clip(key, STRING_KEPT)] = summarize((value as Record<string, unknown>)[key], depth + 1);
  if (keys.length > ENTRIES_KEPT) copy['…'] = `${keys.length - ENTRIES_KEPT} more keys`;
  return copy;
}

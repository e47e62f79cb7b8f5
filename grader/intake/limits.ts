/** How much of a submission the intake is willing to read. */
export interface IntakeLimits {
  /** largest exercise file read, in bytes */
  maxFileBytes: number;
  /**
   * most entries a zip may have outside the folders that are never read (node_modules, .git,
   * __MACOSX, dot-folders), so that a student who zipped node_modules along is still graded
   */
  maxZipEntries: number;
  /** most bytes a zip's files may hold once inflated, counting what they declare and what is actually inflated */
  maxZipTotalBytes: number;
  /** how many folders deep the exercise folders may sit: 'a/b/c/exercises/01-x/' is depth 4 */
  maxDepth: number;
}

export const DEFAULT_LIMITS: IntakeLimits = {
  maxFileBytes: 256 * 1024,
  maxZipEntries: 2000,
  maxZipTotalBytes: 50 * 1024 * 1024,
  maxDepth: 4,
};

/**
 * A zip with more entries than this in all is refused before its list is read, even if most
 * of them sit in ignored folders: walking a huge central directory costs time too.
 */
export const MAX_ZIP_ENTRIES_IN_ALL = 100_000;

/** How many extra files a submission lists in its report. */
export const EXTRA_FILES_LISTED = 50;

export function resolveLimits(overrides: Partial<IntakeLimits> = {}): IntakeLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(overrides) as [keyof IntakeLimits, number | undefined][]) {
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}

/** A limit as a person reads it: '256 KiB', '50 MiB', '900 bytes'. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : [bytes / (1024 * 1024), 'MiB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}

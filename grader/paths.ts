import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The kit's root folder (the one with package.json). Grading workers run from a bundle
 * elsewhere, so they are told the root in BACKPROP_KIT_ROOT.
 */
export const KIT_ROOT = process.env.BACKPROP_KIT_ROOT ?? path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

export const kitPath = (...parts: string[]): string => path.join(KIT_ROOT, ...parts);

/** Where a kit keeps what it makes for itself (builds, compiled modules, code caches): inside node_modules, so that bare imports resolve. */
export const kitCacheFolder = (kitRoot: string): string => path.join(kitRoot, 'node_modules', '.cache', 'backprop-kit');

import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The kit's root folder (the one with package.json). Grading workers run from a bundle
 * elsewhere, so they are told the root in BACKPROP_KIT_ROOT.
 */
export const KIT_ROOT = process.env.BACKPROP_KIT_ROOT ?? path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

export const kitPath = (...parts: string[]): string => path.join(KIT_ROOT, ...parts);

import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The kit's root folder (the one with package.json). */
export const KIT_ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

export const kitPath = (...parts: string[]): string => path.join(KIT_ROOT, ...parts);

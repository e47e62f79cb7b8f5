/**
 * The grading worker as one JavaScript file, built with esbuild. Workers run under Node's
 * permission model, which forbids the child process tsx's loader needs, so they run this
 * plain bundle. It is kept under node_modules/.cache (so that bare imports such as
 * isolated-vm and ts-morph resolve to the kit's node_modules) and built again only when
 * one of its sources changes (bin/build-cache.js).
 */
import { freshBuild } from '../../bin/build-cache.js';

export const WORKER_EXTERNALS = ['isolated-vm', 'ts-morph', 'zod', 'decimal.js'];

/** `hash`: a hash of the bundle's code, part of the kit's fingerprint for --resume. */
export async function bundleWorker(kitRoot: string): Promise<{ file: string; hash: string }> {
  const { file, hash } = await freshBuild(kitRoot, { name: 'worker', entry: 'grader/run/worker-main.ts', external: WORKER_EXTERNALS });
  return { file, hash };
}

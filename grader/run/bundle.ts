/**
 * Builds the grading worker into one JavaScript file with esbuild. Workers run under
 * Node's permission model, which forbids the child process tsx's loader needs, so they
 * run this plain bundle. It is written under node_modules/.cache, named by its content
 * hash, so that bare imports (isolated-vm, ts-morph) resolve to the kit's node_modules.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { writeFileAtomic } from '../results/atomic';

export const WORKER_EXTERNALS = ['isolated-vm', 'ts-morph', 'zod', 'decimal.js'];

export async function bundleWorker(kitRoot: string): Promise<{ file: string; hash: string }> {
  const result = await build({
    entryPoints: [path.join(kitRoot, 'grader', 'run', 'worker-main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: WORKER_EXTERNALS,
    write: false,
    logLevel: 'silent',
    // paths in the bundle relative to the kit, not to the current folder: the same kit gives the
    // same bundle (and fingerprint, which shards and regrades compare) wherever it is run from
    absWorkingDir: kitRoot,
  });
  const code = result.outputFiles[0].text;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const file = path.join(kitRoot, 'node_modules', '.cache', 'backprop-kit', `worker-${hash}.mjs`);
  if (!existsSync(file)) writeFileAtomic(file, code);
  return { file, hash };
}

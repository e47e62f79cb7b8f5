// Every hidden check as a vitest test, against the reference solutions or one student's
// folder (BACKPROP_KIT_IMPL). Run by `backprop-kit hidden-specs` and `npm run hidden-specs`;
// the grader's own sandboxed runner (backprop-kit grade) runs the same checks.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { gradedFolder } from './graded-folder.ts';
import { isolateExercisesPlugin } from './isolate-plugin.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export default defineConfig({
  plugins: [isolateExercisesPlugin(root, gradedFolder())],
  test: {
    name: 'hidden',
    root,
    include: ['grader/hidden/vitest/hidden-specs.vitest.ts'],
    // the catalogue is read from disk, not imported: a new or edited entry re-runs the checks too
    forceRerunTriggers: ['**/grader/misconceptions/catalogue/**', '**/grader/hidden/**'],
    testTimeout: 30_000,
  },
  server: { fs: { strict: false } },
});

// Mutation testing (npm run mutation, stryker.config.json): only the hidden specs, run on
// solutions/, which Stryker mutates. Kept apart from test/vitest.config.ts so that a
// mutant is judged by the hidden checks alone (not by the public specs, the oracle's or
// the grader's own tests). The file's stub half ("fails on the untouched stub") does not
// load solutions/: with per-test coverage Stryker never runs it against a mutant.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  test: {
    name: 'mutation',
    root,
    include: ['test/hidden-specs.spec.ts'],
  },
});

// The kit's own test suite (npm test): the kit's tests, and the public specs run on the
// reference solutions. The students' configuration is vitest.config.ts at the top.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { solutionsPlugin } from '../grader/vitest/solutions-plugin.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  test: {
    root,
    projects: [
      { test: { name: 'kit', root, include: ['test/**/*.spec.ts'], testTimeout: 60_000, hookTimeout: 120_000 } },
      { plugins: [solutionsPlugin(root)], test: { name: 'solutions', root, include: ['exercises/**/*.spec.ts'] } },
    ],
  },
});

#!/usr/bin/env node
// Runs the command line from a JavaScript build of its TypeScript, made on first use and
// again whenever a source changes (build-cache.js); where none can be made (a read-only
// install, say), through tsx, as before.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLI_BUILD, freshBuild } from './build-cache.js';

const kitRoot = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
let main;
try {
  const { file } = await freshBuild(kitRoot, CLI_BUILD);
  // the build lives elsewhere than grader/paths.ts, which finds the kit from its own location
  process.env.BACKPROP_KIT_ROOT ??= kitRoot;
  ({ main } = await import(pathToFileURL(file).href));
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../grader/cli/main.ts'));
}
process.exitCode = await main(process.argv);

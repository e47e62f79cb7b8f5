#!/usr/bin/env node
// Runs the command line from a JavaScript build of its TypeScript, made on first use and
// again whenever a source changes (build-cache.js); where none can be made (a read-only
// install, say), through tsx.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`backprop-kit needs Node.js 24 or 22.12+ (this is ${process.version}): install the current LTS, then run npm ci again.`);
  process.exit(1);
}
const path = await import('node:path');
const { fileURLToPath, pathToFileURL } = await import('node:url');
const { CLI_BUILD, freshBuild } = await import('./build-cache.js');

const kitRoot = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
// V8's compiled code of the command line and its packages, kept between runs (a tenth of a
// second of every start); where the folder cannot be written, Node goes on without it
const { enableCompileCache } = await import('node:module');
enableCompileCache?.(path.join(kitRoot, 'node_modules', '.cache', 'backprop-kit', 'compile-cache'));
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

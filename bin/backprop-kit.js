#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so no build step is needed.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`backprop-kit needs Node.js 24 or 22.12+ (this is ${process.version}): install the current LTS, then run npm ci again.`);
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../grader/cli/main.ts');
process.exitCode = await main(process.argv);

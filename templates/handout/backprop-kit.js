#!/usr/bin/env node
// The course's command line: progress, hint, trace. Runs the TypeScript tools through tsx.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`this course needs Node.js 24 or 22.12+ (this is ${process.version}): install the current LTS, then run npm ci again.`);
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('./cli/student-main.ts');
process.exitCode = await main(process.argv);

#!/usr/bin/env node
// The course's command line: progress, hint, trace. Runs the TypeScript tools through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli/student-main.ts');
process.exitCode = await main(process.argv);

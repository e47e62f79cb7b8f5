/**
 * What a grading worker runs before its bundle (`--require`, see grader/run/pool.ts): the
 * TypeScript compiler, from V8's code cache when one is kept (typescript-code-cache.cjs).
 */
'use strict';
const path = require('node:path');
const { preload } = require('./typescript-code-cache.cjs');

const kitRoot = process.env.BACKPROP_KIT_ROOT;
if (kitRoot) {
  try {
    preload(kitRoot, path.join(kitRoot, 'node_modules', '.cache', 'backprop-kit'));
  } catch {
    // ts-morph loads TypeScript itself, as without this file
  }
}

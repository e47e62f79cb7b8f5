/**
 * npm run bench:student — how long a student waits for `backprop-kit progress` and
 * `backprop-kit hint` (the command line as a student runs it, start-up included), on a
 * course with three exercises done: progress the first time (every public spec runs),
 * again with nothing changed (results kept in .backprop-kit/progress.json), and after one
 * exercise file changed. Prints the median wall time of --runs runs (default 5) of each.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kitPath } from '../../grader/paths';
import { loadTrack } from '../../grader/track';

const runsIndex = process.argv.indexOf('--runs');
const runs = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 5;
const temp = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-student-bench-'));
const course = path.join(temp, 'course');
cpSync(kitPath('exercises'), path.join(course, 'exercises'), { recursive: true });
symlinkSync(kitPath('node_modules'), path.join(course, 'node_modules'), 'dir');
writeFileSync(path.join(course, 'package.json'), '{ "type": "module" }\n');
for (const e of loadTrack().slice(0, 3)) cpSync(kitPath('solutions', e.id, e.file), path.join(course, 'exercises', e.id, e.file));

const cli = (args: string[]): number => {
  const start = performance.now();
  const result = spawnSync(process.execPath, [kitPath('bin', 'backprop-kit.js'), ...args, '--dir', course], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`backprop-kit ${args.join(' ')} failed: ${result.stderr}`);
  return (performance.now() - start) / 1000;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const times = (label: string, before: () => void, args: string[]): void => {
  const seconds = Array.from({ length: runs }, () => (before(), cli(args)));
  process.stdout.write(`${label.padEnd(44)} median ${median(seconds).toFixed(2)} s  (${seconds.map((s) => s.toFixed(2)).join(', ')})\n`);
};

try {
  const cache = path.join(course, '.backprop-kit', 'progress.json');
  const touched = path.join(course, 'exercises', '04-softmax', 'softmax.ts');
  let edit = 0;
  times('progress, first run (every spec)', () => rmSync(cache, { force: true }), ['progress']);
  times('progress, nothing changed', () => {}, ['progress']);
  times('progress, one exercise changed', () => appendFileSync(touched, `// edit ${edit++}\n`), ['progress']);
  times('hint 01', () => {}, ['hint', '01']);
} finally {
  rmSync(temp, { recursive: true, force: true });
}

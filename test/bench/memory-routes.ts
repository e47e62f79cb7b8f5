/**
 * npx tsx test/bench/memory-routes.ts — the peak resident memory of a grading worker for each
 * route to memory the hostile corpus tries (test/fixtures/hostile/cases.ts), under
 * --memory 64 --timeout 500, next to a correct submission's.
 *
 * Each route is graded alone, by the real command line with one worker, while the worker's
 * peak resident memory (VmHWM) is read from /proc every 20 ms; the pool resets that peak at
 * each step, so the figure is the highest step's. Prints the verdict of the attacked
 * exercise and the peak. Linux only.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { workerMemoryGrowthMb } from '../../grader/run/step-limits';
import { buildClass } from '../fixtures/hostile/generate';
import { gradeArgs, LIMITS, readRecords, startCli } from '../hostile/helpers';
import { WorkerMemoryWatch } from '../hostile/worker-memory';

const ROUTES = [
  'correct-submission',
  'memory-bomb',
  'memory-bomb-one-allocation',
  'string-past-the-heap-limit',
  'memory-outside-the-heap',
  'resizable-array-buffer',
  'growable-shared-array-buffer',
  'intl-formatters',
  'atomics-wait-async',
];

const root = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-memory-routes-'));
try {
  process.stdout.write(`--memory ${LIMITS.memoryMb} --timeout ${LIMITS.timeoutMs}: a worker may grow by ${workerMemoryGrowthMb(LIMITS.memoryMb)} MiB during an exercise\n\n`);
  process.stdout.write(`${'case'.padEnd(30)} ${'03-sigmoid'.padEnd(16)} peak worker RSS\n`);
  for (const id of ROUTES) {
    const dir = path.join(root, id);
    const [classDir, out, tmp] = ['class', 'out', 'tmp'].map((name) => path.join(dir, name));
    await buildClass(classDir, [id]);
    mkdirSync(tmp, { recursive: true });
    const watch = new WorkerMemoryWatch(tmp);
    const run = await startCli(gradeArgs(classDir, out, [], 1), tmp).done;
    const peaks = [...watch.stop().values()];
    const record = readRecords(out).get(id);
    const sigmoid = record?.exercises.find((e) => e.exercise === '03-sigmoid');
    const verdict = run.status === 0 && sigmoid ? sigmoid.status : `exit ${run.status}`;
    process.stdout.write(`${id.padEnd(30)} ${verdict.padEnd(16)} ${Math.round(Math.max(...peaks))} MiB\n`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

/**
 * npm run bench — grading throughput and memory.
 *
 * Grades a synthetic class (seeded mutations of the solutions) with the full pipeline —
 * worker processes under the permission model, every hidden check of every exercise,
 * each exercise in isolation in the isolated-vm sandbox, reports written — and prints
 * submissions per second, time per submission and peak RSS (main process and workers),
 * next to a naive baseline in the same run: one vitest process per submission.
 *
 * The synthetic class repeats files across students (stubs, common mistakes, the solutions)
 * as a class does, and the grader grades a file it has seen once; a second class, in which
 * no two files are alike, shows the cost when nothing can be reused.
 *
 * Options: --students N (default 1000)  --unique U (default 1000, 0 to skip)
 *          --baseline M (default 20, 0 to skip)  --workers W
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultWorkers, gradeClass, type GradeSummary } from '../../grader/grade';
import { KIT_ROOT, kitPath } from '../../grader/paths';
import { createProgress } from '../../grader/run/progress';
import { writeSyntheticClass } from './synthetic-class';
import { treeRss } from './tree-rss';

const option = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const students = option('students', 1000);
const baselineCount = option('baseline', 20);
const uniqueCount = option('unique', 1000);
const workers = option('workers', defaultWorkers());

interface Measured {
  summary: GradeSummary;
  seconds: number;
  peak: number;
}

/** Writes a synthetic class and grades it with the full pipeline, sampling the RSS of the process tree. */
async function gradeSynthetic(dir: string, count: number, unique: boolean): Promise<Measured> {
  const submissions = path.join(dir, 'submissions');
  process.stdout.write(`writing ${count} synthetic submissions${unique ? ' (no two files alike)' : ''}…\n`);
  writeSyntheticClass(submissions, count, 'bench', { unique });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss())), 100);
  const started = performance.now();
  const summary = await gradeClass({ submissions, out: path.join(dir, 'reports'), workers, resume: false, secret: 'bench-secret', progress: createProgress(process.stderr) });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { summary, seconds, peak: Math.max(peak, treeRss()) };
}

function describe(title: string, { summary, seconds, peak }: Measured): string[] {
  const rate = summary.students / seconds;
  return [
    `${title}: ${summary.students} submissions in ${seconds.toFixed(1)} s`,
    `  submissions/second      ${rate.toFixed(1)}   (target ≥ 20)`,
    `  time per submission     ${((1000 * seconds) / summary.students).toFixed(1)} ms (wall, ${workers} workers)`,
    `  a class of 1,000        ${(1000 / rate).toFixed(1)} s   (target < 60 s)`,
    `  peak RSS                ${(peak / 2 ** 20).toFixed(0)} MiB (main + workers; target < 1536 MiB)`,
    `  mean score              ${summary.meanScore}/${summary.maxScore}`,
    `  results reused          ${summary.cache.reused} of ${summary.cache.exercises} exercise results (files shared with an earlier student); ${summary.cache.studentsFromCache} students needed no worker`,
  ];
}

const work = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-bench-'));
try {
  const shared = students > 0 ? await gradeSynthetic(path.join(work, 'shared'), students, false) : undefined;
  const unique = uniqueCount > 0 ? await gradeSynthetic(path.join(work, 'unique'), uniqueCount, true) : undefined;

  let baseline: { count: number; seconds: number; peak: number } | undefined;
  if (shared && baselineCount > 0) {
    process.stdout.write(`baseline: one vitest process per submission, ${baselineCount} submissions…\n`);
    const submissions = path.join(work, 'shared', 'submissions');
    let peak = 0;
    let vitest: number | undefined;
    const sampler = setInterval(() => (peak = Math.max(peak, vitest ? treeRss(vitest) : 0)), 50);
    const t0 = performance.now();
    const dirs = readdirSync(submissions).sort().slice(0, baselineCount);
    for (const dir of dirs) {
      // asynchronous, so that the sampler runs meanwhile; a failing submission still counts as graded
      await new Promise<void>((resolve) => {
        const child = execFile(process.execPath, [kitPath('node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'test/bench/vitest.baseline.config.ts'], { cwd: KIT_ROOT, env: { ...process.env, BENCH_SUBMISSION: path.join(submissions, dir) } }, () => resolve());
        vitest = child.pid;
      });
    }
    clearInterval(sampler);
    baseline = { count: dirs.length, seconds: (performance.now() - t0) / 1000, peak };
  }

  const rate = shared ? shared.summary.students / shared.seconds : 0;
  const lines = [
    '',
    `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), node ${process.version}, ${workers} worker(s)`,
    ...(shared ? describe('backprop-kit grade, synthetic class', shared) : []),
    ...(unique ? describe('backprop-kit grade, no two files alike (nothing to reuse)', unique) : []),
    ...(baseline
      ? [
          `naive baseline (one vitest process per submission): ${baseline.count} submissions in ${baseline.seconds.toFixed(1)} s`,
          `  submissions/second      ${(baseline.count / baseline.seconds).toFixed(2)}`,
          `  time per submission     ${((1000 * baseline.seconds) / baseline.count).toFixed(0)} ms`,
          `  peak RSS                ${(baseline.peak / 2 ** 20).toFixed(0)} MiB (a vitest process and its workers)`,
          `  speed-up                ${(rate / (baseline.count / baseline.seconds)).toFixed(1)}× (synthetic class)`,
        ]
      : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

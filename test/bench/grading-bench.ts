/**
 * npm run bench — grading throughput, memory, and how fast the command line answers.
 *
 * First (the figure that matters for a real class): a synthetic class in which no two files
 * are alike, graded with per-student hidden inputs, so no result can be reused — the full
 * pipeline: worker processes under the permission model, every hidden check of every
 * exercise, each exercise in isolation in the isolated-vm sandbox, reports written. It
 * prints submissions per second, time per submission and peak RSS (main process and
 * workers), and the ratio to a naive baseline measured in the same run: one vitest process
 * per submission of the same class.
 *
 * Then: the command line timed as a user meets it (process start to exit, medians of
 * several runs): `--help`, one submission graded end to end, `progress`, `hint`, `trace`;
 * where a warm worker spends its time per student; and, on request, a class whose files
 * repeat (stubs, common mistakes, the solutions), where per-class inputs let results be reused.
 *
 * Second: the same with no two files alike even in code (the first class's files mostly differ
 * only in a comment, and files with the same code share their compiled result), the worst case.
 *
 * Options: --students N (default 1000, at least 1)  --baseline M (default 20, 0 to skip)  --workers W
 *          --code-unique C (students in the class with no two files alike in code, default 300, 0 to skip)
 *          --cli R (runs per command, default 5, 0 to skip)  --profile P (students, default 100, 0 to skip)
 *          --shared S (a class with repeated files and per-class inputs, default 0: skipped)
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultWorkers, gradeClass, type GradeSummary } from '../../grader/grade';
import { KIT_ROOT, kitPath } from '../../grader/paths';
import { createProgress } from '../../grader/run/progress';
import { profileStudents } from './student-profile';
import { writeSyntheticClass } from './synthetic-class';
import { treeRss } from './tree-rss';

const option = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const students = option('students', 1000);
if (!Number.isInteger(students) || students < 1) {
  process.stderr.write(`--students must be a whole number of at least 1 (the command line's timings grade the class's first student), not ${students}\n`);
  process.exit(2);
}
const baselineCount = option('baseline', 20);
const sharedCount = option('shared', 0);
const codeUniqueCount = option('code-unique', 300);
const cliRuns = option('cli', 5);
const profileCount = option('profile', 100);
const workers = option('workers', defaultWorkers());

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

interface Measured {
  summary: GradeSummary;
  seconds: number;
  peak: number;
}

/** A grading config: the default one, with the hidden inputs seeded per student or per class. */
function writeConfig(dir: string, hiddenInputs: 'per-student' | 'per-class'): string {
  const config = JSON.parse(readFileSync(kitPath('grader', 'config', 'default.json'), 'utf8')) as Record<string, unknown>;
  const file = path.join(dir, `config-${hiddenInputs}.json`);
  writeFileSync(file, JSON.stringify({ ...config, hiddenInputs }));
  return file;
}

/** Writes a synthetic class and grades it with the full pipeline, sampling the RSS of the process tree. */
async function gradeSynthetic(dir: string, count: number, unique: boolean, uniqueCode = false): Promise<Measured> {
  const submissions = path.join(dir, 'submissions');
  log(`writing ${count} synthetic submissions${uniqueCode ? ' (no two files alike, even in code)' : unique ? ' (no two files alike)' : ''}…`);
  writeSyntheticClass(submissions, count, 'bench', { unique, uniqueCode });
  const configFile = writeConfig(dir, unique ? 'per-student' : 'per-class');
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss())), 100);
  const started = performance.now();
  const summary = await gradeClass({ submissions, out: path.join(dir, 'reports'), workers, configFile, resume: false, secret: 'bench-secret', progress: createProgress(process.stderr) });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { summary, seconds, peak: Math.max(peak, treeRss()) };
}

/** One vitest process per submission, one after the other; a failing submission still counts as graded. */
async function gradeBaseline(submissions: string, count: number): Promise<{ count: number; seconds: number; peak: number }> {
  log(`baseline: one vitest process per submission, ${count} submissions…`);
  let peak = 0;
  let vitest: number | undefined;
  const sampler = setInterval(() => (peak = Math.max(peak, vitest ? treeRss(vitest) : 0)), 50);
  const started = performance.now();
  const dirs = readdirSync(submissions).sort().slice(0, count);
  for (const dir of dirs) {
    // asynchronous, so that the sampler runs meanwhile
    await new Promise<void>((resolve) => {
      const child = execFile(process.execPath, [kitPath('node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'test/bench/vitest.baseline.config.ts'], { cwd: KIT_ROOT, env: { ...process.env, BENCH_SUBMISSION: path.join(submissions, dir) } }, () => resolve());
      vitest = child.pid;
    });
  }
  clearInterval(sampler);
  return { count: dirs.length, seconds: (performance.now() - started) / 1000, peak };
}

/** Median wall time of `backprop-kit args…`, process start to exit, over `runs` runs (the first one not counted: it may build). */
async function timeCli(args: string[], runs: number, cwd = KIT_ROOT): Promise<{ median: number; exitCode: number }> {
  const times: number[] = [];
  let exitCode = 0;
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const code = await new Promise<number>((resolve) => execFile(process.execPath, [kitPath('bin', 'backprop-kit.js'), ...args], { cwd, env: { ...process.env, BACKPROP_KIT_SECRET: 'bench-secret' } }, (error) => resolve(error ? Number(error.code ?? 1) : 0)));
    if (i > 0) times.push((performance.now() - started) / 1000);
    exitCode ||= code;
  }
  return { median: median(times), exitCode };
}

async function cliTimings(dir: string, oneStudent: string, configFile: string): Promise<string[]> {
  // a student's course folder: the exercises as handed out, the public specs' config, the kit's packages
  const course = path.join(dir, 'course');
  mkdirSync(course, { recursive: true });
  cpSync(kitPath('exercises'), path.join(course, 'exercises'), { recursive: true });
  cpSync(kitPath('vitest.config.ts'), path.join(course, 'vitest.config.ts'));
  symlinkSync(kitPath('node_modules'), path.join(course, 'node_modules'), 'dir');
  const one = path.join(dir, 'one');
  cpSync(oneStudent, path.join(one, path.basename(oneStudent)), { recursive: true });
  const commands: [string, string[], number][] = [
    ['backprop-kit --help', ['--help'], 0.3],
    ['grade, one submission', ['grade', one, '-o', path.join(dir, 'one-reports'), '-q', '-c', configFile], 1.5],
    ['progress', ['progress', '--dir', course], 1],
    ['hint 04', ['hint', '04', '--dir', course], 1],
    ['trace', ['trace'], 1],
  ];
  const lines = [`command line, process start to exit (median of ${cliRuns} runs):`];
  for (const [name, args, target] of commands) {
    log(`timing ${name}…`);
    const { median: seconds, exitCode } = await timeCli(args, cliRuns);
    // progress exits 1 while exercises fail their specs (as here: the course folder holds the stubs)
    lines.push(`  ${name.padEnd(24)}${seconds.toFixed(2)} s   (target ≤ ${target} s)${exitCode ? `  exit code ${exitCode}` : ''}`);
  }
  return lines;
}

function describe(title: string, { summary, seconds, peak }: Measured, baselineRate?: number): string[] {
  const rate = summary.students / seconds;
  return [
    `${title}: ${summary.students} submissions in ${seconds.toFixed(1)} s`,
    `  submissions/second      ${rate.toFixed(1)}   (target ≥ 20)${baselineRate ? `, ${(rate / baselineRate).toFixed(1)}× the naive baseline (${baselineRate.toFixed(2)}/s)` : ''}`,
    `  time per submission     ${((1000 * seconds) / summary.students).toFixed(1)} ms (wall, ${workers} workers)`,
    `  a class of 1,000        ${(1000 / rate).toFixed(1)} s   (target < 50 s)`,
    `  peak RSS                ${(peak / 2 ** 20).toFixed(0)} MiB (main + workers; target < 1024 MiB)`,
    `  mean score              ${summary.meanScore}/${summary.maxScore}`,
    `  results reused          ${summary.cache.reused} of ${summary.cache.exercises} exercise results; ${summary.cache.studentsFromCache} students needed no worker`,
  ];
}

const work = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-bench-'));
try {
  const uniqueDir = path.join(work, 'unique');
  const unique = await gradeSynthetic(uniqueDir, students, true);
  const uniqueSubmissions = path.join(uniqueDir, 'submissions');
  const codeUnique = codeUniqueCount > 0 ? await gradeSynthetic(path.join(work, 'code-unique'), codeUniqueCount, true, true) : undefined;
  const baseline = baselineCount > 0 ? await gradeBaseline(uniqueSubmissions, baselineCount) : undefined;
  const baselineRate = baseline ? baseline.count / baseline.seconds : undefined;
  const cli = cliRuns > 0 ? await cliTimings(path.join(work, 'cli'), path.join(uniqueSubmissions, readdirSync(uniqueSubmissions).sort()[0]), path.join(uniqueDir, 'config-per-student.json')) : [];
  if (profileCount > 0) log(`profiling ${profileCount} students in one warm worker…`);
  const profile = profileCount > 0 ? profileStudents(profileCount) : undefined;
  const shared = sharedCount > 0 ? await gradeSynthetic(path.join(work, 'shared'), sharedCount, false) : undefined;

  const lines = [
    ...describe('no two files alike, per-student inputs (no check result reused; files that differ only in comments compile once)', unique, baselineRate),
    ...(codeUnique ? describe('no two files alike even in code, per-student inputs (nothing to reuse, nothing compiled once)', codeUnique, baselineRate) : []),
    ...(baseline
      ? [
          `naive baseline (one vitest process per submission, no isolation): ${baseline.count} submissions in ${baseline.seconds.toFixed(1)} s`,
          `  submissions/second      ${baselineRate!.toFixed(2)}`,
          `  time per submission     ${((1000 * baseline.seconds) / baseline.count).toFixed(0)} ms`,
          `  peak RSS                ${(baseline.peak / 2 ** 20).toFixed(0)} MiB (a vitest process and its workers)`,
        ]
      : []),
    ...cli,
    ...(profile
      ? [
          `one warm worker, per student (median of ${profile.students}, no two files alike even in code, per-student inputs):`,
          `  compiling               ${(profile.transpile + profile.typeCheck).toFixed(1)} ms (transpiling and syntax/import checks ${profile.transpile.toFixed(1)}, type checking ${profile.typeCheck.toFixed(1)})`,
          `  hidden checks           ${profile.checks.toFixed(1)} ms (sandbox contexts, calls, oracle; integration run included)`,
          `  total                   ${profile.total.toFixed(1)} ms`,
        ]
      : []),
    ...(shared ? describe('a class whose files repeat, per-class inputs (results reused)', shared, baselineRate) : []),
    `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg()[0].toFixed(1)}, node ${process.version}, ${workers} worker(s)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * npm run bench:gradescope — one submission through the Gradescope autograder, measured.
 *
 * Builds the autograder zip, unpacks it into a simulated /autograder (a temp folder), runs
 * setup.sh (Node already on PATH; npm ci from the package cache the tests use), then grades
 * one example student with run_autograder under `/usr/bin/time -v`, and prints its wall time,
 * CPU time, the largest process's peak RSS (time's "Maximum resident set size") and the peak RSS of the
 * whole process tree (main process and grading worker, sampled from /proc every 50 ms), next
 * to Gradescope's default container (0.5 vCPU, 768 MB). The load average is printed too: on a
 * busy machine the wall time says more about the machine than about the grader.
 *
 * Options: --student NAME (an entry of examples/submissions, default cleo-classic-mistakes)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kitPath } from '../../grader/paths';
import { autograderEnv, runAutograder, unpackAutograder } from '../helpers/autograder';
import { treeRss } from './tree-rss';

const index = process.argv.indexOf('--student');
const student = index > 0 ? process.argv[index + 1]! : 'cleo-classic-mistakes';
const temp = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-gradescope-bench-'));
const env = autograderEnv(kitPath('node_modules', '.cache', 'backprop-kit-test-npm'));

try {
  const zip = path.join(temp, 'autograder.zip');
  const built = spawnSync(process.execPath, [kitPath('bin', 'backprop-kit.js'), 'gradescope', '--out', zip, '--seed', 'bench-secret'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the autograder failed:\n${built.stderr}`);
  const source = path.join(temp, 'source');
  await unpackAutograder(zip, source);
  const setup = spawnSync('bash', [path.join(source, 'setup.sh')], { env: { ...env, AUTOGRADER_ROOT: temp }, encoding: 'utf8' });
  if (setup.status !== 0) throw new Error(`setup.sh failed:\n${setup.stdout}${setup.stderr}`);

  let peak = 0;
  let sampler: NodeJS.Timeout | undefined;
  const run = await runAutograder({
    source,
    root: path.join(temp, 'root'),
    submission: kitPath('examples', 'submissions', student),
    studentId: student.replace(/\.zip$/, ''),
    env,
    command: ['/usr/bin/time', '-v'],
    onSpawn: (pid) => (sampler = setInterval(() => (peak = Math.max(peak, treeRss(pid))), 50)),
  });
  clearInterval(sampler);
  if (run.status !== 0 || !run.results) throw new Error(`run_autograder failed:\n${run.output}`);
  const line = (label: string): string => run.output.split('\n').find((l) => l.includes(label))?.trim() ?? `${label}: (not reported)`;
  const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  process.stdout.write(
    [
      `student: ${student} — score ${run.results.score}/${run.results.extra_data.maxScore}, execution_time ${run.results.execution_time} s (grading, as results.json says)`,
      `/usr/bin/time -v run_autograder: ${line('Elapsed (wall clock) time')}`,
      `/usr/bin/time -v run_autograder: ${line('User time (seconds)')}, ${line('System time (seconds)')} (all its processes; the CPU work a 0.5 vCPU container has to fit)`,
      `/usr/bin/time -v run_autograder: ${line('Maximum resident set size')} (the largest single process)`,
      `peak RSS of the whole process tree: ${mib(peak)} (sampled every 50 ms)`,
      `Gradescope's default container: 0.5 vCPU, 768 MB · this machine: ${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
      '',
    ].join('\n'),
  );
} finally {
  rmSync(temp, { recursive: true, force: true });
}

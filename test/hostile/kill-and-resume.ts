/**
 * The kill -9 experiment: a small class graded once without interruption and, at the same
 * time, once more by a run that is killed with SIGKILL when a few students are done; then
 * that run is resumed with --resume. What each step left behind is recorded for the tests.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { StudentRecord } from '../../grader/results/types';
import { ODD_ID } from '../fixtures/hostile/cases';
import { buildClass } from '../fixtures/hostile/generate';
import { findFiles, fingerprint, gradeArgs, isAlive, makeRunRoot, processesOfRun, startCli, waitFor } from './helpers';

/** A class small enough to grade three times quickly: timeouts, crashes in the sandbox, unreadable files and a fatal zip among the correct work. */
export const RESUME_CLASS = ['correct-submission', 'write-file', 'infinite-loop', 'patch-math-exp', 'unhandled-rejection', 'throw-non-errors', 'not-utf8', 'zip-corrupt', ODD_ID];

/** The killed run is killed once this many students are done. */
const KILL_AFTER = 3;

type Done = Awaited<ReturnType<typeof startCli>['done']>;

export interface KillAndResume {
  root: string;
  classDir: string;
  uninterruptedOut: string;
  resumedOut: string;
  /** the run's TMPDIRs, by which its processes are found */
  tmps: { uninterrupted: string; killed: string; resumed: string };
  classTreeBefore: string[];
  uninterrupted: Done;
  killed: {
    /** records on disk after the kill, by student id: their text and modification time */
    records: Map<string, { mtimeMs: number; text: string }>;
    unparsable: string[];
    /** the killed run's other processes (its workers, esbuild's service) when it was killed */
    processes: number[];
    /** how long they took to go, after the main process was gone */
    goneAfterMs: number;
  };
  resumed: Done;
}

export const killAndResumeRoot = (): ReturnType<typeof makeRunRoot> => makeRunRoot('resume');

export async function killAndResume({ root, classDir, out: uninterruptedOut, tmp }: ReturnType<typeof makeRunRoot>): Promise<KillAndResume> {
  const resumedOut = path.join(root, 'out-resumed');
  const tmps = { uninterrupted: tmp, killed: path.join(root, 'tmp-killed'), resumed: path.join(root, 'tmp-resumed') };
  await buildClass(classDir, RESUME_CLASS);
  for (const dir of Object.values(tmps)) mkdirSync(dir);
  const classTreeBefore = fingerprint(classDir);

  // at the same time, one worker each: two workers on two cores
  const whole = startCli(gradeArgs(classDir, uninterruptedOut, ['--quiet'], 1), tmps.uninterrupted).done;
  const run = startCli(gradeArgs(classDir, resumedOut, ['--quiet'], 1), tmps.killed);
  const recordFiles = () => findFiles(path.join(resumedOut, 'students'), /^record\.json$/);
  await waitFor(() => recordFiles().length >= KILL_AFTER || run.child.exitCode !== null, 120_000, 20);
  const processes = processesOfRun(tmps.killed, [run.child.pid!]);
  run.child.kill('SIGKILL');
  await run.done;
  const killedAt = performance.now();
  await waitFor(() => processes.every((pid) => !isAlive(pid)), 60_000, 20);
  const goneAfterMs = performance.now() - killedAt;

  const records = new Map<string, { mtimeMs: number; text: string }>();
  const unparsable: string[] = [];
  for (const file of recordFiles()) {
    const full = path.join(resumedOut, 'students', file);
    const text = readFileSync(full, 'utf8');
    try {
      records.set((JSON.parse(text) as StudentRecord).studentId, { mtimeMs: statSync(full).mtimeMs, text });
    } catch {
      unparsable.push(file);
    }
  }
  const resumed = await startCli(gradeArgs(classDir, resumedOut, ['--quiet', '--resume'], 1), tmps.resumed).done;
  return { root, classDir, uninterruptedOut, resumedOut, tmps, classTreeBefore, uninterrupted: await whole, killed: { records, unparsable, processes, goneAfterMs }, resumed };
}

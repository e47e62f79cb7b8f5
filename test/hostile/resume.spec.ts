/**
 * Nothing is lost: a grading run killed with kill -9 in the middle, then run again with
 * --resume, gives exactly the results of a run that was never interrupted (records minus
 * their timing, results.json, grades.csv); the killed run's workers do not outlive it; the
 * records it had written are kept as they are; the submissions are never touched.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudentRecord } from '../../grader/results/types';
import { ODD_ID } from '../fixtures/hostile/cases';
import { buildClass } from '../fixtures/hostile/generate';
import { findFiles, fingerprint, gradeArgs, isAlive, makeRunRoot, processesOfRun, readRecords, startCli, waitFor, withoutTiming } from './helpers';

/** A class small enough to grade three times quickly, with a worker crash, timeouts and a fatal zip among the correct work. */
const CLASS = ['correct-submission', 'baseline-wrong-values', 'infinite-loop', 'memory-bomb-one-allocation', 'patch-math-exp', 'unhandled-rejection', 'not-utf8', 'zip-corrupt', ODD_ID];

const { root, classDir, out: uninterruptedOut, tmp } = makeRunRoot('resume');
const resumedOut = path.join(root, 'out-resumed');
const tmpKilled = path.join(root, 'tmp-killed');
const tmpResumed = path.join(root, 'tmp-resumed');

let uninterrupted: Awaited<ReturnType<typeof startCli>['done']>;
let killed: { recordsAtKill: number; workers: number[]; workersGoneMs: number; graded: Map<string, { mtimeMs: number; text: string }>; unparsable: string[]; strayTmp: string[] };
let resumed: Awaited<ReturnType<typeof startCli>['done']>;
let classTree: string[];

beforeAll(async () => {
  await buildClass(classDir, CLASS);
  for (const dir of [tmp, tmpKilled, tmpResumed]) mkdirSync(dir);
  classTree = fingerprint(classDir);

  uninterrupted = await startCli(gradeArgs(classDir, uninterruptedOut, ['--quiet']), tmp).done;

  // the same class again, killed with SIGKILL once a few students are done
  const run = startCli(gradeArgs(classDir, resumedOut, ['--quiet']), tmpKilled);
  const recordCount = () => findFiles(path.join(resumedOut, 'students'), /^record\.json$/).length;
  await waitFor(() => recordCount() >= 3 || run.child.exitCode !== null, 120_000, 20);
  const workers = processesOfRun(tmpKilled, [run.child.pid!]);
  run.child.kill('SIGKILL');
  await run.done;
  const killedAt = performance.now();
  await waitFor(() => workers.every((pid) => !isAlive(pid)), 60_000, 20);
  const workersGoneMs = performance.now() - killedAt;
  const graded = new Map<string, { mtimeMs: number; text: string }>();
  const unparsable: string[] = [];
  for (const file of findFiles(path.join(resumedOut, 'students'), /^record\.json$/)) {
    const full = path.join(resumedOut, 'students', file);
    const text = readFileSync(full, 'utf8');
    try {
      graded.set((JSON.parse(text) as StudentRecord).studentId, { mtimeMs: statSync(full).mtimeMs, text });
    } catch {
      unparsable.push(file);
    }
  }
  killed = { recordsAtKill: graded.size, workers, workersGoneMs, graded, unparsable, strayTmp: findFiles(resumedOut, /\.tmp$/) };

  resumed = await startCli(gradeArgs(classDir, resumedOut, ['--quiet', '--resume']), tmpResumed).done;
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('kill -9 in the middle of a run, then --resume', () => {
  it('the uninterrupted run grades the whole class', () => {
    expect(uninterrupted.status, uninterrupted.stderr).toBe(0);
    expect(readRecords(uninterruptedOut).size).toBe(CLASS.length);
  });

  it('the kill lands in the middle: some students finished, not all', () => {
    expect(killed.recordsAtKill).toBeGreaterThanOrEqual(1);
    expect(killed.recordsAtKill).toBeLessThan(CLASS.length);
  });

  it('leaves only whole records behind (each written atomically)', () => {
    expect(killed.unparsable).toEqual([]);
  });

  it('leaves no worker running: each stops within seconds of losing the main process', () => {
    expect(killed.workers.length).toBeGreaterThanOrEqual(1);
    expect(killed.workers.filter(isAlive)).toEqual([]);
    // a worker notices at its next step at the latest: one exercise under a 500 ms limit
    expect(killed.workersGoneMs).toBeLessThan(10_000);
    expect(processesOfRun(tmpKilled)).toEqual([]);
  });

  it('the resumed run exits 0, keeps the students the killed run finished and grades the others', () => {
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`^graded ${CLASS.length} student\\(s\\) \\(${killed.recordsAtKill} resumed\\) in `));
    const now = readRecords(resumedOut);
    for (const [id, before] of killed.graded) {
      const file = path.join(resumedOut, 'students', now.get(id)!.dir, 'record.json');
      expect(readFileSync(file, 'utf8'), id).toBe(before.text);
      expect(statSync(file).mtimeMs, id).toBe(before.mtimeMs);
    }
  });

  it('gives exactly the results of the uninterrupted run: every record (minus timing), results.json, grades.csv', () => {
    const a = readRecords(uninterruptedOut);
    const b = readRecords(resumedOut);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [id, record] of a) expect(withoutTiming(b.get(id)!), id).toEqual(withoutTiming(record));
    for (const file of ['results.json', 'grades.csv']) {
      expect(readFileSync(path.join(resumedOut, file), 'utf8'), file).toBe(readFileSync(path.join(uninterruptedOut, file), 'utf8'));
    }
    expect(readdirSync(path.join(resumedOut, 'students')).sort()).toEqual(readdirSync(path.join(uninterruptedOut, 'students')).sort());
  });

  it('never changes the submissions, and leaves no temporary file or process behind', () => {
    expect(fingerprint(classDir)).toEqual(classTree);
    expect(findFiles(resumedOut, /\.tmp$/)).toEqual([]);
    expect(existsSync(path.join(root, 'class'))).toBe(true);
    expect(processesOfRun(tmp)).toEqual([]);
    expect(processesOfRun(tmpResumed)).toEqual([]);
  });
});

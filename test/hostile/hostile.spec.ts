/**
 * The hostile corpus (test/fixtures/hostile/), graded in one run of the real command line
 * together with a correct submission: worker processes under Node's permission model,
 * isolated-vm sandboxes, small limits (500 ms, 64 MiB). Every case must get its expected
 * verdict, no attack may earn a point, the correct submission keeps full marks, the run
 * ends normally, and nothing outside the output folder changes.
 *
 * Beside it, the kill -9 experiment of kill-and-resume.ts (a small class, one worker per run,
 * so that the machine stays at about two workers per core): nothing is lost when a run is
 * killed in the middle and resumed, and the killed run's workers do not outlive it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_LIMIT } from '../../grader/checks/bounded';
import { compileTimeoutMs, workerMemoryGrowthMb } from '../../grader/run/step-limits';
import { KIT_ROOT } from '../../grader/paths';
import type { StudentRecord } from '../../grader/results/types';
import { CASES, ODD_ID, ODD_ID_2, type HostileCase } from '../fixtures/hostile/cases';
import { buildClass, EXPECTED, expectedName, expectedOf, HOSTILE_DIR, writeCorpus, type ExpectedFile } from '../fixtures/hostile/generate';
import { findFiles, fingerprint, gradeArgs, isAlive, kitFingerprint, LIMITS, makeRunRoot, processesOfRun, readRecords, startCli, withoutTiming } from './helpers';
import { killAndResume, killAndResumeRoot, RESUME_CLASS, type KillAndResume } from './kill-and-resume';
import { WorkerMemoryWatch } from './worker-memory';

const { root, classDir, out, tmp } = makeRunRoot('hostile');
const resumeRoot = killAndResumeRoot();
/** A grading worker's own resident memory (Node, TypeScript, the kit): 180–300 MiB measured on honest classes. */
const HONEST_WORKER_MB = 350;
/** What can be allocated between two of the pool's readings, and rounding. */
const SAMPLING_MARGIN_MB = 64;
/** Files an attack would create if it got out: none may exist after the run. */
const CANARIES = [
  path.join(os.tmpdir(), 'backprop-kit-pwned'),
  '/tmp/backprop-kit-pwned',
  '/tmp/pwned.ts',
  path.join(root, 'pwned.ts'),
  path.join(KIT_ROOT, 'pwned'),
  path.join(KIT_ROOT, 'reports', 'students', 'forge-results-file', 'record.json'),
];

let run: Awaited<ReturnType<typeof startCli>['done']>;
let records: Map<string, StudentRecord>;
let cases: HostileCase[];
const before: { classTree?: string[]; kit?: Record<string, string>; canaries?: boolean[] } = {};
let leftoverProcesses: number[] = [];
let resume: KillAndResume;
/** pid → peak resident memory (MiB) of each grading worker of the hostile run */
let workerPeaks: Map<number, number>;

beforeAll(async () => {
  cases = await buildClass(classDir);
  mkdirSync(tmp);
  before.classTree = fingerprint(classDir);
  before.kit = kitFingerprint();
  before.canaries = CANARIES.map((file) => existsSync(file));
  const memory = new WorkerMemoryWatch(tmp);
  const main = startCli(gradeArgs(classDir, out), tmp).done;
  [run, resume] = await Promise.all([main, killAndResume(resumeRoot)]);
  workerPeaks = memory.stop();
  leftoverProcesses = processesOfRun(tmp);
  records = readRecords(out);
  // the limits count CPU time: on a busy machine (test/hostile/under-load.ts) the run takes longer, with the same verdicts
}, 900_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(resumeRoot.root, { recursive: true, force: true });
});

const expectedFor = (id: string): ExpectedFile => JSON.parse(readFileSync(path.join(EXPECTED, expectedName(id)), 'utf8')) as ExpectedFile;
const exerciseOf = (record: StudentRecord, id: string) => record.exercises.find((e) => e.exercise === id)!;
const scoreClass = (e: { score: number; maxScore: number }): string => (e.score === e.maxScore ? 'full' : e.score === 0 ? 'zero' : 'partial');
const baseline = (exercise: string): number => exerciseOf(records.get('baseline-wrong-values')!, exercise).score;

describe('the hostile corpus', () => {
  it('has at least 25 cases, every guarantee covered, and an expected verdict beside each (in step with cases.ts)', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CASES.map((c) => c.guarantee))).toEqual(new Set([1, 2, 3, 4]));
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    for (const c of CASES) expect(expectedFor(c.id), c.id).toEqual(expectedOf(c));
    expect(readdirSync(EXPECTED)).toHaveLength(CASES.length);
  });

  it('is committed exactly as generate.ts writes it (run it after changing cases.ts or solutions/)', () => {
    const fresh = path.join(resumeRoot.root, 'corpus');
    try {
      writeCorpus(fresh);
      for (const part of ['submissions', 'expected', 'README.md']) {
        expect(fingerprint(path.join(HOSTILE_DIR, part), { times: false }), part).toEqual(fingerprint(path.join(fresh, part), { times: false }));
      }
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});

describe('grading the hostile corpus with a correct submission', () => {
  it('exits 3 (some submissions could not be read) with the one-line summary naming them, having graded every submission', () => {
    const graded = cases.filter((c) => !c.skipped);
    const fatal = graded.filter((c) => c.fatal);
    expect(fatal.length).toBeGreaterThan(0);
    expect(run.status, run.stderr).toBe(3);
    expect(run.stdout).toMatch(new RegExp(`^graded ${graded.length} student\\(s\\) in [\\d.]+ s: mean [\\d.]+/160, ${fatal.length} failure\\(s\\) \\(.+\\) → .*index\\.html\\n$`));
    for (const c of fatal) expect(run.stdout).toContain(c.id);
    expect([...records.keys()].sort()).toEqual(graded.map((c) => c.id).sort());
    for (const record of records.values()) expect(record.graderError, record.studentId).toBeUndefined();
  });

  it('gives the correct submission full marks, and its integration run every quantity', () => {
    const record = records.get('correct-submission')!;
    expect(record.score).toBe(160);
    expect(record.integration.right).toBe(record.integration.total);
  });

  for (const c of CASES) {
    it(`${JSON.stringify(c.id)}: ${c.about}`, () => {
      const expected = expectedFor(c.id);
      const record = records.get(c.id);
      if (expected.skipped) {
        expect(record).toBeUndefined();
        expect(run.stderr).toContain(`skipped ${c.id}: ${expected.skipped}`);
        return;
      }
      expect(record, 'graded').toBeDefined();
      expect(record!.submission.fatal?.code).toBe(expected.fatal);
      const got = Object.fromEntries(
        record!.exercises.map((e) => {
          const want = expected.exercises![e.exercise];
          const score = want.score === 'baseline' ? (e.score === baseline(e.exercise) ? 'baseline' : `${e.score} (baseline ${baseline(e.exercise)})`) : scoreClass(e);
          return [
            e.exercise,
            {
              status: e.status,
              score,
              ...(want.limitHit ? { limitHit: e.limitHit } : {}),
              ...(want.message ? { message: e.message?.includes(want.message) ? want.message : e.message } : {}),
            },
          ];
        }),
      );
      expect(got).toEqual(expected.exercises);
      for (const note of expected.notes ?? []) expect(record!.submission.notes.join('\n')).toContain(note);
      for (const phrase of c.failures ?? []) {
        for (const [exercise, want] of Object.entries(expected.exercises!)) {
          if (want.score === 'full') continue;
          const failed = exerciseOf(record!, exercise).checks.find((check) => check.failure);
          expect(failed?.failure?.message, exercise).toContain(phrase);
        }
      }
    });
  }

  it('gives no attack a point it did not earn: an attacked exercise never scores above wrong values', () => {
    const unearned: string[] = [];
    for (const c of CASES.filter((c) => c.cheat)) {
      const record = records.get(c.id)!;
      for (const [exercise, want] of Object.entries(expectedFor(c.id).exercises!)) {
        if (want.score === 'full') continue; // not attacked
        const score = exerciseOf(record, exercise).score;
        if (score > baseline(exercise)) unearned.push(`${c.id} ${exercise}: ${score} > ${baseline(exercise)}`);
      }
    }
    expect(unearned).toEqual([]);
    // and wrong values earn less than right ones in every exercise (or the bound above would be empty)
    for (const e of records.get('baseline-wrong-values')!.exercises) expect(e.score, e.exercise).toBeLessThan(e.maxScore);
  });

  it('keeps what the code printed to a few kilobytes, and every record small', () => {
    const printed = exerciseOf(records.get('huge-console-output')!, '03-sigmoid').output;
    expect(printed.length).toBeGreaterThan(1000);
    expect(printed.length).toBeLessThanOrEqual(4100);
    for (const record of records.values()) {
      expect(statSync(path.join(out, 'students', record.dir, 'record.json')).size, record.studentId).toBeLessThan(200_000);
    }
    const huge = exerciseOf(records.get('huge-result')!, '03-sigmoid');
    expect(huge.checks.map((c) => c.failure?.message ?? '').join('\n')).toContain('the result is too large');
  });

  it("shows the code no reference solution's source: a printed function of another step names it and nothing of its body", () => {
    const printed = exerciseOf(records.get('read-reference-source')!, '03-sigmoid').output;
    expect(printed).toContain('function relu()');
    expect(printed).toContain('function linearForward()');
    expect(printed).not.toMatch(/Math\.max|reduce|=>/);
  });

  it('bounds what the code controls in every record (messages, values, compiler messages), and writes complete class reports', () => {
    const texts: string[] = [];
    for (const record of records.values()) {
      for (const e of record.exercises) {
        texts.push(e.message ?? '', ...e.problems.map((p) => p.message));
        for (const c of e.checks) texts.push(c.failure?.message ?? '', c.failure?.input ?? '', JSON.stringify(c.failure?.expected ?? null), JSON.stringify(c.failure?.actual ?? null));
      }
    }
    // MESSAGE_LIMIT characters and the note of how many more there were
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(MESSAGE_LIMIT + 40);
    expect(exerciseOf(records.get('bound-huge-rejection')!, '03-sigmoid').message).toMatch(/more characters\)$/);
    const grown = exerciseOf(records.get('bound-grown-argument')!, '03-sigmoid').checks.find((c) => c.name === 'sigmoid leaves its input unchanged')!;
    expect(grown.status).toBe('failed');
    expect(grown.failure!.actual).toContain('… 19998 more items');
    const graded = cases.filter((c) => !c.skipped).map((c) => c.id).sort();
    const classResults = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as { students: { id: string }[] };
    expect(classResults.students.map((s) => s.id).sort()).toEqual(graded);
    expect(readFileSync(path.join(out, 'grades.csv'), 'utf8').trim().split('\r\n')).toHaveLength(graded.length + 1);
  });

  it('states the limits in every record and says which was hit, in the record and in the feedback', () => {
    for (const record of records.values()) expect(record.limits).toEqual(LIMITS);
    const feedback = (id: string) => readFileSync(path.join(out, 'students', records.get(id)!.dir, 'feedback.md'), 'utf8');
    expect(exerciseOf(records.get('infinite-loop')!, '03-sigmoid').limitHit).toBe('time');
    expect(feedback('infinite-loop')).toContain(`time limit of ${LIMITS.timeoutMs} ms`);
    expect(exerciseOf(records.get('memory-bomb')!, '03-sigmoid').limitHit).toBe('memory');
    expect(feedback('memory-bomb')).toContain(`memory limit of ${LIMITS.memoryMb}`);
    expect(feedback('memory-bomb-one-allocation')).toContain(`memory limit of ${LIMITS.memoryMb}`);
  });

  it('keeps every worker’s resident memory within its own plus the bound derived from --memory (measured from outside)', () => {
    // what the memory routes would reach without the bound: 0.6 to 1.4 GiB per worker
    const bound = HONEST_WORKER_MB + workerMemoryGrowthMb(LIMITS.memoryMb) + SAMPLING_MARGIN_MB;
    // read from outside: every worker was watched (its peak also covers type checking, which the bound does not cover)
    expect([...workerPeaks.values()].length).toBeGreaterThanOrEqual(2);
    // the pool's own reading when it stopped a worker, as the records report it
    const reported = [...records.values()].flatMap((r) => r.exercises.flatMap((e) => /grew its grading process to (\d+) MiB/.exec(e.message ?? '')?.[1] ?? []));
    // which native routes outrun the isolate's own limit depends on V8: on Node 24 both the
    // one-allocation fill and the 512 MiB string meet this bound, on Node 22 one of them does
    // (the other is stopped by the isolate first); each case's verdict is out-of-memory either way
    expect(reported.length).toBeGreaterThanOrEqual(1);
    for (const mb of reported) expect(Number(mb)).toBeLessThan(bound);
  });

  it('ends a type checker that does not finish within its limit, and grades the submission without type checking', () => {
    const record = records.get('checker-type-level-bomb')!;
    expect(record.submission.notes.join(' ')).toContain('graded without type checking');
    expect(record.timing.gradingMs).toBeGreaterThanOrEqual(compileTimeoutMs(LIMITS.timeoutMs));
    expect(record.score).toBe(160);
  });

  it('gives every student their own report folder, even an id chosen to clash with another’s', () => {
    const dirs = [...records.values()].map((r) => r.dir);
    expect(new Set(dirs).size).toBe(dirs.length);
    for (const dir of dirs) expect(dir).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
    expect(records.get(ODD_ID)!.score).toBe(160);
    expect(records.get(ODD_ID_2)!.score).toBe(160);
  });

  it('never sends a control character from a student id to the terminal', () => {
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(run.stderr).toContain('-rf --out=..\\u0009line\\u000abreak\\u001b[2J\\u0007: 160/160');
  });

  it('writes the forged files of a submission nowhere, and reports the real score', () => {
    const record = records.get('forge-results-file')!;
    expect(record.score).toBeLessThan(160);
    expect(record.submission.extraFiles).toEqual(expect.arrayContaining(['results.json', 'record.json', 'grades.csv', 'students/forge-results-file/record.json']));
    const row = readFileSync(path.join(out, 'grades.csv'), 'utf8').split('\r\n').find((line) => line.startsWith('forge-results-file,'))!;
    expect(row.split(',').at(-2)).toBe(String(record.score));
    const gradescope = JSON.parse(readFileSync(path.join(out, 'students', record.dir, 'results.json'), 'utf8')) as { score: number };
    expect(gradescope.score).toBe(record.score);
  });
});

describe('what a grading run leaves behind', () => {
  it('leaves the submissions folder byte for byte as it was (contents, modes, times, links)', () => {
    expect(fingerprint(classDir)).toEqual(before.classTree);
  });

  it('leaves the kit’s solutions/, grader/hidden/ and exercises/ as they were', () => {
    expect(kitFingerprint()).toEqual(before.kit);
  });

  it('writes nothing beside the output folder, nothing but the tsx cache in its temp folder, and no file an attack aimed at', () => {
    expect(readdirSync(root).sort()).toEqual(['class', 'out', 'tmp']);
    expect(readdirSync(tmp).filter((name) => !/^tsx-\d+$/.test(name))).toEqual([]);
    expect(CANARIES.map((file) => existsSync(file))).toEqual(before.canaries);
    expect(CANARIES.some((file) => existsSync(file))).toBe(false);
    expect(readdirSync(out).sort()).toEqual(['grades.csv', 'index.html', 'results.json', 'students']);
    const stray = readdirSync(path.join(out, 'students'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp'));
    expect(stray).toEqual([]);
  });

  it('leaves no grading process running', () => {
    expect(leftoverProcesses).toEqual([]);
  });
});

describe('kill -9 in the middle of a run, then --resume', () => {
  it('the uninterrupted run grades the whole (small) class', () => {
    // 3: zip-corrupt cannot be read
    expect(resume.uninterrupted.status, resume.uninterrupted.stderr).toBe(3);
    expect(readRecords(resume.uninterruptedOut).size).toBe(RESUME_CLASS.length);
  });

  it('the kill lands in the middle, and leaves only whole records (each written atomically)', () => {
    expect(resume.killed.records.size).toBeGreaterThanOrEqual(1);
    expect(resume.killed.records.size).toBeLessThan(RESUME_CLASS.length);
    expect(resume.killed.unparsable).toEqual([]);
  });

  it('leaves no worker running: each stops within seconds of losing the main process', () => {
    expect(resume.killed.processes.length).toBeGreaterThanOrEqual(1); // its worker (and esbuild's service)
    expect(resume.killed.processes.filter(isAlive)).toEqual([]);
    // a worker notices at its next step at the latest: the end of one exercise, under a 500 ms limit
    expect(resume.killed.goneAfterMs).toBeLessThan(10_000);
    expect(processesOfRun(resume.tmps.killed)).toEqual([]);
  });

  it('the resumed run exits 3 (zip-corrupt), keeps the students the killed run finished, byte for byte, and grades the others', () => {
    expect(resume.resumed.status, resume.resumed.stderr).toBe(3);
    expect(resume.resumed.stdout).toMatch(new RegExp(`^graded ${RESUME_CLASS.length} student\\(s\\) \\(${resume.killed.records.size} resumed\\) in `));
    const now = readRecords(resume.resumedOut);
    for (const [id, before] of resume.killed.records) {
      const file = path.join(resume.resumedOut, 'students', now.get(id)!.dir, 'record.json');
      expect(readFileSync(file, 'utf8'), id).toBe(before.text);
      expect(statSync(file).mtimeMs, id).toBe(before.mtimeMs);
    }
  });

  it('gives exactly the results of the uninterrupted run: every record (minus timing), results.json, grades.csv', () => {
    const a = readRecords(resume.uninterruptedOut);
    const b = readRecords(resume.resumedOut);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [id, record] of a) expect(withoutTiming(b.get(id)!), id).toEqual(withoutTiming(record));
    for (const file of ['results.json', 'grades.csv']) {
      expect(readFileSync(path.join(resume.resumedOut, file), 'utf8'), file).toBe(readFileSync(path.join(resume.uninterruptedOut, file), 'utf8'));
    }
    expect(readdirSync(path.join(resume.resumedOut, 'students')).sort()).toEqual(readdirSync(path.join(resume.uninterruptedOut, 'students')).sort());
  });

  it('never changes the submissions, and leaves no temporary file or process behind', () => {
    expect(fingerprint(resume.classDir)).toEqual(resume.classTreeBefore);
    expect(findFiles(resume.resumedOut, /\.tmp$/)).toEqual([]);
    for (const dir of Object.values(resume.tmps)) expect(processesOfRun(dir), dir).toEqual([]);
  });
});

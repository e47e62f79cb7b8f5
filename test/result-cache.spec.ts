/**
 * Reusing results by content: what the cache keeps and hands out (unit), and that a
 * student graded from the cache gets exactly what grading them afresh gives, while
 * per-student hidden inputs share nothing that depends on the inputs (the real grader).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gradeClass, type GradeSummary } from '../grader/grade';
import { kitPath } from '../grader/paths';
import type { StudentRecord } from '../grader/results/types';
import { ResultCache } from '../grader/run/result-cache';
import type { ExerciseRun, ExerciseStatus, GradeJob, StudentRun } from '../grader/run/types';
import { loadTrack } from '../grader/track';

const track = loadTrack();
const work = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function job(studentId: string, change: Partial<GradeJob> = {}, contents: Record<string, string> = {}): GradeJob {
  return {
    studentId,
    files: Object.fromEntries(track.map((e) => [e.id, { status: 'ok', path: `${studentId}/${e.file}`, content: contents[e.id] ?? `// ${e.id}` }])),
    secret: 'secret',
    hiddenInputs: 'per-student',
    limits: { timeoutMs: 2000, memoryMb: 128 },
    typeCheck: true,
    typeErrors: 'fail',
    ...change,
  };
}

function run(studentId: string, status: (exerciseId: string) => ExerciseStatus = () => 'graded', message?: string): StudentRun {
  const exercises: ExerciseRun[] = track.map((e) => ({ exercise: e.id, status: status(e.id), problems: [], checks: [], output: `${studentId} ${e.id}` }));
  return { studentId, exercises, integration: { quantities: [{ name: 'loss', status: 'right' }], ...(message ? { message } : {}) } };
}

/** A lookup whose claims are released at once (a job that graded nothing). */
async function look(cache: ResultCache, j: GradeJob) {
  const found = await cache.lookup(j);
  found.release();
  return found;
}

const perClass = (change: Partial<GradeJob> = {}): Partial<GradeJob> => ({ hiddenInputs: 'per-class', ...change });

describe('ResultCache', () => {
  it('with per-class inputs, hands a second student with the same files the first one’s results, and needs no worker for them', async () => {
    const cache = new ResultCache(track);
    expect((await look(cache, job('a', perClass()))).complete).toBe(false);
    cache.store(job('a', perClass()), run('a'));
    const { known, complete } = await look(cache, job('b', perClass()));
    expect(complete).toBe(true);
    const assembled = cache.assemble(job('b', perClass()), known);
    expect(assembled.studentId).toBe('b');
    expect(assembled.exercises.map((e) => e.output)).toEqual(track.map((e) => `a ${e.id}`));
    expect(cache.stats).toEqual({ exercises: 32, reused: 16, studentsFromCache: 1 });
  });

  it('a changed file is graded again, and so is the integration run; where a file was found does not matter', async () => {
    const cache = new ResultCache(track);
    cache.store(job('a', perClass()), run('a'));
    const moved = job('b', perClass());
    for (const file of Object.values(moved.files)) if (file.status === 'ok') file.path = `elsewhere/${file.path}`;
    expect((await look(cache, moved)).complete).toBe(true);
    const { known, complete } = await look(cache, job('c', perClass(), { '02-relu': '// my own relu' }));
    expect(complete).toBe(false);
    expect(Object.keys(known.exercises)).toHaveLength(15);
    expect(known.exercises['02-relu']).toBeUndefined();
    expect(known.integration).toBeUndefined();
  });

  it('keeps nothing that could depend on the machine or on an earlier attempt', async () => {
    const cache = new ResultCache(track);
    const flaky: Record<string, ExerciseStatus> = { '01-linear-forward': 'timeout', '02-relu': 'out-of-memory', '03-sigmoid': 'crashed' };
    cache.store(job('a', perClass()), run('a', (id) => flaky[id] ?? 'graded', 'the integration run stopped: time limit of 2000 ms reached'));
    const { known } = await look(cache, job('b', perClass()));
    expect(Object.keys(known.exercises).sort()).toEqual(track.map((e) => e.id).filter((id) => !flaky[id]));
    expect(known.integration).toBeUndefined();

    const retried = new ResultCache(track);
    retried.store(job('a', perClass({ abandoned: { '04-softmax': { status: 'crashed', message: 'the code stopped its grading process' } } })), run('a'));
    expect(Object.keys((await look(retried, job('b', perClass()))).known.exercises)).toHaveLength(0);
  });

  it('results depend on the secret, type checking and the limits', async () => {
    const cache = new ResultCache(track);
    cache.store(job('a', perClass()), run('a'));
    for (const change of [{ secret: 'other' }, { typeCheck: false }, { typeErrors: 'warn' as const }, { limits: { timeoutMs: 500, memoryMb: 128 } }]) {
      expect(Object.keys((await look(cache, job('b', perClass(change)))).known.exercises), JSON.stringify(change)).toHaveLength(0);
    }
  });

  it('with per-student inputs (the default), shares only what no input decides: checks that never ran, untouched stubs, the integration run', async () => {
    const stubs = new Map(track.map((e) => [e.id, `// the handout stub of ${e.id}`]));
    const cache = new ResultCache(track, stubs);
    const statuses: ExerciseStatus[] = ['graded', 'not-implemented', 'missing', 'unreadable', 'syntax-error', 'import-error', 'type-error'];
    const statusOf = (id: string): ExerciseStatus => (id === '05-cross-entropy' ? 'not-implemented' : statuses[track.findIndex((e) => e.id === id) % statuses.length]);
    // 05 is the untouched stub; every other file is the student's own
    const files = { '05-cross-entropy': stubs.get('05-cross-entropy')! };
    cache.store(job('a', {}, files), run('a', statusOf));
    const { known } = await look(cache, job('b', {}, files));
    const shared = track.map((e) => e.id).filter((id) => id === '05-cross-entropy' || !['graded', 'not-implemented'].includes(statusOf(id)));
    expect(Object.keys(known.exercises).sort()).toEqual(shared);
    expect(shared.length).toBeGreaterThan(5);
    expect(track.some((e) => e.id !== '05-cross-entropy' && statusOf(e.id) === 'not-implemented')).toBe(true); // not-implemented, but not the stub: not shared
    // the integration run is the worked example, the same for everyone
    expect(known.integration).toBeDefined();
  });

  it('gives identical files graded at the same moment one verdict: the second job waits for the first one’s results', async () => {
    const cache = new ResultCache(track);
    const first = await cache.lookup(job('a', perClass()));
    expect(first.complete).toBe(false);
    let secondDone = false;
    const second = cache.lookup(job('b', perClass())).then((found) => {
      secondDone = true;
      return found;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(secondDone).toBe(false);
    cache.store(job('a', perClass()), run('a'));
    first.release();
    const found = await second;
    expect(found.complete).toBe(true);
    expect(cache.assemble(job('b', perClass()), found.known).exercises.map((e) => e.output)).toEqual(track.map((e) => `a ${e.id}`));
    found.release();
  });

  it('a job whose results could not be kept lets the waiting job grade them itself', async () => {
    const cache = new ResultCache(track);
    const first = await cache.lookup(job('a', perClass()));
    const second = cache.lookup(job('b', perClass()));
    cache.store(job('a', perClass()), run('a', () => 'timeout', 'the integration run stopped'));
    first.release();
    const found = await second;
    expect(found.complete).toBe(false);
    expect(Object.keys(found.known.exercises)).toHaveLength(0);
    found.release();
  });

  it('with --only, the exercises not graded are skipped, never taken from the cache', async () => {
    const cache = new ResultCache(track);
    const only = ['02-relu', '04-softmax'];
    cache.store(job('a', perClass({ only })), run('a', (id) => (only.includes(id) ? 'graded' : 'skipped')));
    const { known, complete } = await look(cache, job('b', perClass({ only })));
    expect(complete).toBe(true);
    const statuses = cache.assemble(job('b', perClass({ only })), known).exercises.map((e) => e.status);
    expect(statuses).toEqual(track.map((e) => (only.includes(e.id) ? 'graded' : 'skipped')));
  });
});

describe('grading with shared files (real grader)', () => {
  const mistakes = kitPath('examples', 'submissions', 'cleo-classic-mistakes');

  /** Grades copies of the example student with these ids; returns the summary and each record. */
  async function gradeCopies(name: string, ids: string[], config?: object): Promise<{ summary: GradeSummary; records: Map<string, StudentRecord> }> {
    const submissions = path.join(work, name, 'submissions');
    for (const id of ids) cpSync(mistakes, path.join(submissions, id), { recursive: true });
    const configFile = config ? path.join(work, name, 'config.json') : undefined;
    if (configFile) writeFileSync(configFile, JSON.stringify(config));
    const out = path.join(work, name, 'reports');
    const quiet = { start() {}, studentDone() {}, warn() {}, stop() {} };
    const summary = await gradeClass({ submissions, out, workers: 2, resume: false, secret: 'cache-test-secret', progress: quiet, ...(configFile ? { configFile } : {}) });
    const records = new Map(ids.map((id) => [id, JSON.parse(readFileSync(path.join(out, 'students', id, 'record.json'), 'utf8')) as StudentRecord]));
    return { summary, records };
  }

  /** What a grade is made of: everything but who, where and how long. */
  const graded = (r: StudentRecord) => ({ score: r.score, exercises: r.exercises, integration: r.integration });

  it('a student graded from the cache gets what grading them alone gives', async () => {
    // the first students are in flight together, before any result is in the cache
    const ids = Array.from({ length: 20 }, (_, i) => `copy-${String(i).padStart(2, '0')}`);
    const { summary, records } = await gradeCopies('shared', ids, { hiddenInputs: 'per-class' });
    // all but the first: those in flight with it waited for its results
    expect(summary.cache.studentsFromCache).toBe(ids.length - 1);
    const alone = await gradeCopies('alone', ['copy-19'], { hiddenInputs: 'per-class' });
    expect(alone.summary.cache.reused).toBe(0);
    for (const record of records.values()) expect(graded(record)).toEqual(graded(alone.records.get('copy-19')!));
    // and it is a grade with failing checks to tell apart, not an all-correct one
    expect(alone.records.get('copy-19')!.score).toBeLessThan(alone.records.get('copy-19')!.maxScore);
  }, 120_000);

  it('with per-student hidden inputs (the default), the same file meets different inputs', async () => {
    const { summary, records } = await gradeCopies('per-student', ['pat', 'sam']);
    expect(summary.cache.reused).toBe(0);
    const inputs = (r: StudentRecord) => r.exercises.flatMap((e) => e.checks.map((c) => c.failure?.input).filter(Boolean));
    expect(inputs(records.get('pat')!).length).toBeGreaterThan(0);
    expect(inputs(records.get('pat')!)).not.toEqual(inputs(records.get('sam')!));
  }, 120_000);
});

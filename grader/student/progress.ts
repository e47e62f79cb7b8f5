/**
 * How far a student is: the public specs of every exercise, run in this process (see
 * spec-runner.ts), summed up as done, in progress or not started. Results are kept in
 * .backprop-kit/progress.json under a hash of each spec and every file it imports, so only
 * the exercises whose code changed since the last run are run again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Exercise } from '../track';
import type { SpecTestResult } from './spec-runner';

export type ExerciseState = 'done' | 'in progress' | 'not started';

export interface ExerciseProgress {
  exercise: Exercise;
  passed: number;
  total: number;
  state: ExerciseState;
  /** the first failing test's message, for the next exercise */
  firstFailure?: string;
}

/** What progress keeps of a test: enough to sum an exercise up. */
export interface TestSummary {
  state: SpecTestResult['state'];
  errorName?: string;
  message?: string;
}

/** Sums up one exercise's tests. Untouched stubs fail every test with NotImplementedError. */
export function summarize(exercise: Exercise, tests: TestSummary[]): ExerciseProgress {
  const passed = tests.filter((t) => t.state === 'passed').length;
  const failed = tests.filter((t) => t.state === 'failed');
  const untouched = failed.length === tests.length && failed.every((t) => t.errorName === 'NotImplementedError');
  const state: ExerciseState = tests.length > 0 && passed === tests.length ? 'done' : untouched ? 'not started' : 'in progress';
  const firstFailure = failed[0]?.message;
  return { exercise, passed, total: tests.length, state, ...(firstFailure ? { firstFailure } : {}) };
}

const CACHE_VERSION = 1;
const cacheFile = (root: string): string => path.join(root, '.backprop-kit', 'progress.json');
type Cache = { version: number; exercises: Record<string, { key: string; tests: TestSummary[] }> };

function readCache(root: string): Cache {
  try {
    const cache = JSON.parse(readFileSync(cacheFile(root), 'utf8')) as Cache;
    return cache.version === CACHE_VERSION && cache.exercises ? cache : { version: CACHE_VERSION, exercises: {} };
  } catch {
    return { version: CACHE_VERSION, exercises: {} };
  }
}

function writeCache(root: string, cache: Cache): void {
  mkdirSync(path.dirname(cacheFile(root)), { recursive: true });
  const temp = `${cacheFile(root)}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(cache)}\n`);
  renameSync(temp, cacheFile(root)); // atomic: a reader sees the old cache or the new one
}

const RELATIVE_IMPORT = /\b(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** The file and every file it imports by a relative path, transitively (a regex reading: imports are plain in the course). */
export function importClosure(file: string): string[] {
  const found = new Set<string>();
  const visit = (f: string): void => {
    if (found.has(f)) return;
    found.add(f);
    if (!f.endsWith('.ts')) return;
    for (const [, specifier] of readFileSync(f, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const target = path.resolve(path.dirname(f), specifier!);
      const resolved = [target, `${target}.ts`, path.join(target, 'index.ts')].find((c) => existsSync(c) && statSync(c).isFile());
      if (resolved) visit(resolved);
    }
  };
  visit(path.resolve(file));
  return [...found].sort();
}

/** A hash of a spec and everything it runs: equal keys, equal results. */
export function specKey(root: string, spec: string): string {
  const hash = createHash('sha256').update(`${CACHE_VERSION}\0${process.version}\0`);
  for (const file of importClosure(spec)) hash.update(`${path.relative(root, file)}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

export function specFileOf(root: string, exercise: Exercise): string | undefined {
  const dir = path.join(root, 'exercises', exercise.id);
  const spec = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.spec.ts')) : undefined;
  return spec ? path.join(dir, spec) : undefined;
}

export async function collectProgress(root: string, track: Exercise[]): Promise<ExerciseProgress[]> {
  const cache = readCache(root);
  const specs = new Map(track.map((e) => [e.id, specFileOf(root, e)]));
  const keys = new Map(track.map((e) => [e.id, specs.get(e.id) ? specKey(root, specs.get(e.id)!) : '']));
  const toRun = track.filter((e) => specs.get(e.id) && cache.exercises[e.id]?.key !== keys.get(e.id));
  if (toRun.length > 0) {
    const { runSpecFiles } = await import('./spec-runner');
    const results = await runSpecFiles(toRun.map((e) => specs.get(e.id)!));
    for (const exercise of toRun) {
      const tests = results.get(path.resolve(specs.get(exercise.id)!)) ?? [];
      cache.exercises[exercise.id] = {
        key: keys.get(exercise.id)!,
        // paths in messages (a syntax error's) are shown relative to the course
        tests: tests.map((t) => ({ state: t.state, ...(t.error ? { errorName: t.error.name ?? 'Error', message: t.error.message.replaceAll(`${root}${path.sep}`, '') } : {}) })),
      };
    }
    writeCache(root, cache);
  }
  return track.map((exercise) => summarize(exercise, specs.get(exercise.id) ? (cache.exercises[exercise.id]?.tests ?? []) : []));
}

const STATE_MARK = { done: '✓ done', 'in progress': '… in progress', 'not started': '· not started' } as const;

/** Lays rows out in columns: every cell padded to its column's widest, numbers right-aligned. */
export function columns(rows: string[][], rightAligned: number[] = []): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  return rows.map((row) =>
    row
      .map((cell, c) => {
        const pad = ' '.repeat(widths[c]! - [...cell].length);
        return rightAligned.includes(c) ? pad + cell : c === row.length - 1 ? cell : cell + pad;
      })
      .join('  ')
      .replace(/^/, '  '),
  );
}

export function formatProgress(progress: ExerciseProgress[]): string {
  const table = columns(
    [['#', 'exercise', 'specs', 'state'], ...progress.map((p) => [p.exercise.id.slice(0, 2), p.exercise.title, `${p.passed}/${p.total}`, STATE_MARK[p.state]])],
    [2],
  );
  return [...table, '', ...nextSteps(progress)].join('\n');
}

/** The short summary a student needs first: how many are done, which is next, and how to work on it. */
export function nextSteps(progress: ExerciseProgress[]): string[] {
  const done = progress.filter((p) => p.state === 'done').length;
  const next = progress.find((p) => p.state !== 'done');
  if (!next) return [`All ${progress.length} exercises done. Well done!`];
  return [
    `${done}/${progress.length} exercises done. Next: ${next.exercise.id} (${next.exercise.title}), ${next.passed}/${next.total} specs pass`,
    ...(next.state === 'in progress' && next.firstFailure ? failureHeadline(next.firstFailure).map((line, i) => `  ${i === 0 ? 'first failure:' : '              '} ${line}`) : []),
    `  read:           exercises/${next.exercise.id}/README.md`,
    `  run its specs:  npx vitest exercises/${next.exercise.id}`,
    `  get a hint:     npx backprop-kit hint ${next.exercise.id.slice(0, 2)}`,
  ];
}

/** The lines of a failure worth a glance: the first (and the next when it ends with a colon), and a named likely mistake. */
export function failureHeadline(message: string): string[] {
  const lines = message.split('\n').filter((l) => l.trim() !== '');
  const head = lines[0]?.endsWith(':') && lines[1] ? [lines[0], lines[1]] : lines.slice(0, 1);
  const mistake = lines.find((l) => l.startsWith('Likely mistake:') || l.startsWith('These values are what'));
  return mistake ? [...head, mistake] : head;
}

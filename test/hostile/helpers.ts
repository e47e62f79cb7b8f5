/** Helpers of the hostile suite: the class in a temp folder, the CLI as a child process, fingerprints, processes. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KIT_ROOT, kitPath } from '../../grader/paths';
import type { StudentRecord } from '../../grader/results/types';

/** The limits the hostile suite grades with: small, so that the attacks end fast. */
export const LIMITS = { timeoutMs: 500, memoryMb: 64 } as const;
export const SECRET = 'hostile-suite-secret';

/** A fresh folder for one run: class/ (the submissions), out/ (the reports), tmp/ (the run's TMPDIR). */
export function makeRunRoot(name: string): { root: string; classDir: string; out: string; tmp: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), `backprop-kit-${name}-`));
  return { root, classDir: path.join(root, 'class'), out: path.join(root, 'out'), tmp: path.join(root, 'tmp') };
}

export function gradeArgs(classDir: string, out: string, extra: string[] = [], workers = 2): string[] {
  return ['grade', classDir, '--out', out, '--seed', SECRET, '--workers', String(workers), '--timeout', String(LIMITS.timeoutMs), '--memory', String(LIMITS.memoryMb), ...extra];
}

export interface Run {
  child: ChildProcess;
  done: Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; seconds: number }>;
}

/**
 * Starts the command line as a user would (node bin/backprop-kit.js), with TMPDIR set to
 * `tmp`: whatever the run writes to the temp folder lands there, and every process of the
 * run (the CLI and its workers) can be found by it in /proc.
 */
export function startCli(args: string[], tmp: string): Run {
  const started = performance.now();
  const child = spawn(process.execPath, [kitPath('bin', 'backprop-kit.js'), ...args], {
    cwd: KIT_ROOT,
    env: { ...process.env, TMPDIR: tmp, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Awaited<Run['done']>>((resolve) =>
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr, seconds: (performance.now() - started) / 1000 })),
  );
  return { child, done };
}

/** The processes (other than `except`) whose environment has TMPDIR=`tmp`: the CLI of a run and its workers. */
export function processesOfRun(tmp: string, except: number[] = []): number[] {
  const marker = `TMPDIR=${tmp}\0`;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || except.includes(pid) || pid === process.pid) continue;
    try {
      if (`${readFileSync(`/proc/${pid}/environ`, 'latin1')}\0`.includes(marker)) pids.push(pid);
    } catch {
      // gone, or not ours to read
    }
  }
  return pids.sort((a, b) => a - b);
}

export const isAlive = (pid: number): boolean => {
  try {
    // a zombie has exited: it only waits for its parent to read its status
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

export async function waitFor(condition: () => boolean, timeoutMs: number, everyMs = 50): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return condition();
}

/** Files larger than this are fingerprinted by their times and size only (the 1 GiB sparse file). */
const HASHED_UP_TO = 16 * 1024 * 1024;

/**
 * Every entry under `root`, links not followed: path, type, mode, size, modification and
 * change times (any write, chmod or rename changes the latter) and a content hash (files) or
 * link target. Equal fingerprints: nothing was added, removed or changed.
 */
export function fingerprint(root: string, options: { times?: boolean } = { times: true }): string[] {
  const lines: string[] = [];
  const visit = (relative: string): void => {
    const full = path.join(root, relative);
    const stats = lstatSync(full);
    const base = `${JSON.stringify(relative)} mode=${stats.mode.toString(8)} size=${stats.size}${options.times ? ` mtime=${stats.mtimeMs} ctime=${stats.ctimeMs}` : ''}`;
    if (stats.isSymbolicLink()) lines.push(`${base} -> ${readlinkSync(full)}`);
    else if (stats.isFile() && stats.size > HASHED_UP_TO) lines.push(`${base} (large: times and size only)`);
    else if (stats.isFile()) lines.push(`${base} sha256=${createHash('sha256').update(readFileSync(full)).digest('hex')}`);
    else if (stats.isDirectory()) {
      lines.push(`${base} dir`);
      for (const name of readdirSync(full).sort()) visit(path.join(relative, name));
    } else lines.push(`${base} other`); // a FIFO: never opened here either
  };
  visit('');
  return lines;
}

/** The kit's folders a grading run must never change. */
export const KIT_FOLDERS = ['solutions', path.join('grader', 'hidden'), 'exercises'];
export const kitFingerprint = (): Record<string, string> =>
  Object.fromEntries(KIT_FOLDERS.map((dir) => [dir, createHash('sha256').update(fingerprint(kitPath(dir), { times: false }).join('\n')).digest('hex')]));

export function readRecords(out: string): Map<string, StudentRecord> {
  const records = new Map<string, StudentRecord>();
  const students = path.join(out, 'students');
  if (!existsSync(students)) return records;
  for (const dir of readdirSync(students)) {
    const file = path.join(students, dir, 'record.json');
    if (!existsSync(file)) continue;
    const record = JSON.parse(readFileSync(file, 'utf8')) as StudentRecord;
    records.set(record.studentId, record);
  }
  return records;
}

/** A record without its `timing`: what two runs on the same inputs must agree on. */
export const withoutTiming = (record: StudentRecord): Omit<StudentRecord, 'timing'> => {
  const { timing: _timing, ...rest } = record;
  return rest;
};

/** Files anywhere under `dir` whose name matches `pattern`. */
export function findFiles(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => pattern.test(path.basename(name)));
}

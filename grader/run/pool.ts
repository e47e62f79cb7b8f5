/**
 * A pool of grading worker processes. Each worker grades one student at a time; a
 * watchdog kills a worker that overruns its job (a compiler hang, a native crash) and a
 * fresh worker takes its place, so one submission can never stop the run.
 */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { ToMain, ToWorker } from './protocol';
import type { GradeJob, StudentRun } from './types';

export type WorkerOutcome = { ok: true; run: StudentRun } | { ok: false; error: string };

interface Slot {
  child: ChildProcess;
  ready: Promise<void>;
  busy?: { jobId: number; resolve: (o: WorkerOutcome) => void; timer: NodeJS.Timeout };
  stderr: string;
}

export interface PoolOptions {
  size: number;
  bundleFile: string;
  kitRoot: string;
  /** how long one student may take before the worker is killed */
  jobTimeoutMs: (job: GradeJob) => number;
}

const STDERR_KEPT = 4000;

/** Node's permission model: the worker may read the kit and nothing else, and may not write or spawn. */
export function permissionFlags(kitRoot: string, bundleFile: string): string[] {
  const flag = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';
  return [flag, `--allow-fs-read=${kitRoot}`, `--allow-fs-read=${path.dirname(bundleFile)}`, '--allow-addons', '--disable-warning=ExperimentalWarning', '--disable-warning=SecurityWarning'];
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: { job: GradeJob; jobId: number; resolve: (o: WorkerOutcome) => void }[] = [];
  private nextJobId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
  }

  /** Resolves when every worker has loaded the kit; rejects if one cannot start. */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  run(job: GradeJob): Promise<WorkerOutcome> {
    return new Promise((resolve) => {
      this.waiting.push({ job, jobId: this.nextJobId++, resolve });
      this.dispatch();
    });
  }

  close(): void {
    this.closed = true;
    for (const slot of this.slots) slot.child.kill('SIGKILL');
  }

  private spawn(): Slot {
    const { kitRoot, bundleFile } = this.options;
    const child = fork(bundleFile, [], {
      execArgv: [...permissionFlags(kitRoot, bundleFile), '--max-old-space-size=1024'],
      env: { ...process.env, BACKPROP_KIT_ROOT: kitRoot },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    const slot: Slot = { child, stderr: '', ready: Promise.resolve() };
    child.stderr?.on('data', (chunk: Buffer) => {
      slot.stderr = (slot.stderr + chunk.toString()).slice(-STDERR_KEPT);
    });
    let started = false;
    slot.ready = new Promise((resolve, reject) => {
      child.on('message', (message: ToMain) => {
        if (message.type === 'ready') {
          started = true;
          resolve();
          this.dispatch();
        } else this.finish(slot, message.jobId, message.type === 'result' ? { ok: true, run: message.run } : { ok: false, error: message.message });
      });
      child.on('exit', (code, signal) => {
        const how = signal ?? `exit code ${code}`;
        // a worker that cannot even start would fail again: report it instead of respawning
        if (!started) reject(new Error(`a grading worker could not start (${how}):\n${slot.stderr.trim()}`));
        else this.replace(slot, `the grading worker stopped (${how})${slot.stderr.trim() ? `: ${lastLine(slot.stderr)}` : ''}`);
      });
    });
    slot.ready.catch(() => undefined); // reported through ready() or the job's outcome
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.waiting.length === 0) return;
      if (slot.busy || !slot.child.connected) continue;
      void slot.ready.then(() => {
        if (slot.busy || this.waiting.length === 0 || !slot.child.connected) return;
        const { job, jobId, resolve } = this.waiting.shift()!;
        const timer = setTimeout(() => {
          slot.child.kill('SIGKILL'); // the exit handler reports the job and replaces the worker
        }, this.options.jobTimeoutMs(job));
        slot.busy = { jobId, resolve, timer };
        slot.child.send({ type: 'grade', jobId, job } satisfies ToWorker);
      });
    }
  }

  private finish(slot: Slot, jobId: number, outcome: WorkerOutcome): void {
    if (slot.busy?.jobId !== jobId) return;
    clearTimeout(slot.busy.timer);
    const { resolve } = slot.busy;
    slot.busy = undefined;
    resolve(outcome);
    this.dispatch();
  }

  /** A worker died: fail its job (the caller decides whether to retry) and start a new worker. */
  private replace(slot: Slot, reason: string): void {
    if (slot.busy) this.finish(slot, slot.busy.jobId, { ok: false, error: reason });
    if (this.closed) return;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots[index] = this.spawn();
    this.dispatch();
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).at(-1) ?? '';
}

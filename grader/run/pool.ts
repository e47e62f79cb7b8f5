/**
 * A pool of grading worker processes. Each worker grades one student at a time and says
 * which step it starts (compile, each exercise, the integration run); a watchdog kills a
 * worker that overruns a step (a type checker that does not finish, a native hang) and a
 * fresh worker takes its place, so one submission can never stop the run. When a worker
 * dies, the outcome names the step it died in, so the caller can blame that step alone.
 */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { ToMain, ToWorker } from './protocol';
import type { GradeJob, GradingStep, StudentRun } from './types';

/** How a worker died: killed by the watchdog, or it stopped by itself (a signal such as SIGABRT, an exit code). */
export interface WorkerDeath {
  /** the step the worker had started when it died, if it had started one */
  step?: GradingStep;
  /** 'watchdog': the step overran its time; 'crash': the worker stopped by itself */
  cause: 'watchdog' | 'crash';
  /** the signal or exit code, e.g. 'SIGABRT' or 'exit code 1' */
  how: string;
  /** what the worker printed last suggests V8 ran out of memory */
  outOfMemory: boolean;
}

export type WorkerOutcome = { ok: true; run: StudentRun } | { ok: false; error: string; death?: WorkerDeath };

interface Slot {
  child: ChildProcess;
  ready: Promise<void>;
  busy?: { jobId: number; job: GradeJob; resolve: (o: WorkerOutcome) => void; timer: NodeJS.Timeout; step?: GradingStep };
  /** set when the watchdog killed this worker */
  killedInStep?: GradingStep | 'job';
  stderr: string;
}

export interface PoolOptions {
  size: number;
  bundleFile: string;
  kitRoot: string;
  /** how long a step of a job may take before the worker is killed ('start': until the first step) */
  stepTimeoutMs: (job: GradeJob, step: GradingStep | 'start') => number;
}

/** What V8 prints when a heap (the worker's, or an isolate's it could not contain) runs out. */
const OUT_OF_MEMORY = /out of memory|is_heap_oom|Allocation failed|Reached heap limit|Invalid array length Allocation/i;

const STDERR_KEPT = 4000;

/** Node's permission model: the worker may read the kit and nothing else, and may not write or spawn. */
export function permissionFlags(kitRoot: string, bundleFile: string): string[] {
  const flag = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';
  // isolated-vm's loader (node-gyp-build) asks whether this is Alpine to pick its prebuilt binary
  return [flag, `--allow-fs-read=${kitRoot}`, `--allow-fs-read=${path.dirname(bundleFile)}`, '--allow-fs-read=/etc/alpine-release', '--allow-addons', '--disable-warning=ExperimentalWarning', '--disable-warning=SecurityWarning'];
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
        } else if (message.type === 'step') this.startStep(slot, message.jobId, message.step);
        else this.finish(slot, message.jobId, message.type === 'result' ? { ok: true, run: message.run } : { ok: false, error: message.message });
      });
      // 'close', not 'exit': it comes after the last messages and the last of stderr are read
      child.on('close', (code, signal) => {
        const how = signal ?? `exit code ${code}`;
        // a worker that cannot even start would fail again: report it instead of respawning
        if (!started) reject(new Error(`a grading worker could not start (${how}):\n${slot.stderr.trim()}`));
        else this.replace(slot, how);
      });
    });
    slot.ready.catch(() => undefined); // reported through ready() or the job's outcome
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.waiting.length === 0) return;
      if (slot.busy || !slot.child.connected) continue;
      slot.ready.then(
        () => {
          if (slot.busy || this.waiting.length === 0 || !slot.child.connected) return;
          const { job, jobId, resolve } = this.waiting.shift()!;
          slot.stderr = ''; // what the worker prints from now on is about this job
          slot.busy = { jobId, job, resolve, timer: this.watchdog(slot, job, 'start') };
          slot.child.send({ type: 'grade', jobId, job } satisfies ToWorker);
        },
        () => undefined, // a worker that could not start takes no job (a replacement killed by close(), say)
      );
    }
  }

  /** Kills the worker if `step` has not ended within its time; the close handler reports the job and replaces the worker. */
  private watchdog(slot: Slot, job: GradeJob, step: GradingStep | 'start'): NodeJS.Timeout {
    return setTimeout(() => {
      slot.killedInStep = step === 'start' ? 'job' : step;
      slot.child.kill('SIGKILL');
    }, this.options.stepTimeoutMs(job, step));
  }

  private startStep(slot: Slot, jobId: number, step: GradingStep): void {
    if (slot.busy?.jobId !== jobId || slot.killedInStep) return;
    clearTimeout(slot.busy.timer);
    slot.busy.step = step;
    slot.busy.timer = this.watchdog(slot, slot.busy.job, step);
  }

  private finish(slot: Slot, jobId: number, outcome: WorkerOutcome): void {
    if (slot.busy?.jobId !== jobId) return;
    clearTimeout(slot.busy.timer);
    const { resolve } = slot.busy;
    slot.busy = undefined;
    resolve(outcome);
    this.dispatch();
  }

  /** A worker died: fail its job, saying in which step (the caller decides whether to retry), and start a new worker. */
  private replace(slot: Slot, how: string): void {
    if (slot.busy) {
      const { step } = slot.busy;
      const death: WorkerDeath = {
        ...(step !== undefined ? { step } : {}),
        cause: slot.killedInStep ? 'watchdog' : 'crash',
        how: slot.killedInStep ? 'SIGKILL' : how,
        outOfMemory: !slot.killedInStep && OUT_OF_MEMORY.test(slot.stderr),
      };
      const what = slot.killedInStep ? `was stopped: ${step ?? 'the job'} took too long` : `stopped (${how})${slot.stderr.trim() ? `: ${lastLine(slot.stderr)}` : ''}`;
      this.finish(slot, slot.busy.jobId, { ok: false, error: `the grading worker ${what}`, death });
    }
    if (this.closed) return;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots[index] = this.spawn();
    this.dispatch();
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).at(-1) ?? '';
}

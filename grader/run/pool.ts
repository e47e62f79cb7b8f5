/**
 * A pool of grading worker processes. Each worker grades one student at a time and says
 * which step it starts (compile, each exercise, the integration run); a watchdog kills a
 * worker that overruns a step (a type checker that does not finish, a native hang) or whose
 * resident memory grows past the step's bound (memory outside the isolate's heap), and a
 * fresh worker takes its place, so one submission can never stop the run. When a worker
 * dies, the outcome names the step it died in, so the caller can blame that step alone.
 *
 * The watchdog counts the worker's CPU time, read from outside (/proc), so that a verdict
 * does not depend on how busy the machine is. Wall-clock time is a backstop only, for a worker
 * that hangs without using CPU: every WALL_CLOCK_FACTOR times the step's CPU time, a worker
 * that used less than IDLE_SHARE of that time on the CPU is stopped (where /proc is missing, the
 * CPU time limit is applied to wall-clock time instead).
 */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { storeKitModules } from '../compile/kit-modules-file';
import type { KitDescription } from './kit-loader';
import type { ToMain, ToWorker } from './protocol';
import type { GradeJob, GradingStep, StudentRun } from './types';
import { storeTypescriptCache } from './typescript-cache';
import { UsageReader } from './usage';

/** How a worker died: killed by the watchdog, or it stopped by itself (a signal such as SIGABRT, an exit code). */
export interface WorkerDeath {
  /** the step the worker had started when it died, if it had started one */
  step?: GradingStep;
  /** 'watchdog': the step overran its time; 'memory': the worker's resident memory grew past the step's bound; 'crash': the worker stopped by itself */
  cause: 'watchdog' | 'memory' | 'crash';
  /** the signal or exit code, e.g. 'SIGABRT' or 'exit code 1' */
  how: string;
  /** what the worker printed last suggests V8 ran out of memory */
  outOfMemory: boolean;
  /** 'memory': the worker's resident memory when it was stopped, and the bound it passed, in MiB */
  rssMb?: number;
  boundMb?: number;
}

export type WorkerOutcome = { ok: true; run: StudentRun } | { ok: false; error: string; death?: WorkerDeath };

/** Where a step started: the worker's CPU time and resident memory then, and what it may reach. */
interface StepWatch {
  step: GradingStep | 'start';
  cpuMs: number;
  rssMb: number;
  cpuLimitMs: number;
  memoryBoundMb?: number;
}

interface Slot {
  child: ChildProcess;
  /** the worker has asked for the kit (its 'started' message) and not been sent it yet */
  wantsKit?: boolean;
  /** the worker's /proc files (usage, peak memory), kept open while it lives */
  usage: UsageReader | undefined;
  ready: Promise<void>;
  busy?: { jobId: number; job: GradeJob; resolve: (o: WorkerOutcome) => void; timer?: NodeJS.Timeout; step?: GradingStep; watch?: StepWatch };
  /** set when the watchdog killed this worker: in which step, and for which limit */
  killed?: { step: GradingStep | 'job'; limit: 'time' | 'memory'; rssMb?: number; boundMb?: number };
  stderr: string;
}

export interface PoolOptions {
  size: number;
  bundleFile: string;
  kitRoot: string;
  /** how much CPU time a step of a job may take before the worker is killed ('start': until the first step) */
  stepTimeoutMs: (job: GradeJob, step: GradingStep | 'start') => number;
  /** how far (MiB) the worker's resident memory may grow during a step before it is killed; undefined: no bound */
  stepMemoryMb?: (job: GradeJob, step: GradingStep | 'start') => number | undefined;
}

/** How often the wall-clock backstop looks at a step, as a multiple of its CPU time limit. */
export const WALL_CLOCK_FACTOR = 5;
/** A worker that used less than this share of a core over a backstop period is hung, not starved. */
const IDLE_SHARE = 0.01;
/** How often the pool reads each busy worker's memory and CPU time. */
const SAMPLE_MS = 20;

/** What V8 prints when a heap (the worker's, or an isolate's it could not contain) runs out. */
const OUT_OF_MEMORY = /out of memory|is_heap_oom|Allocation failed|Reached heap limit|Invalid array length Allocation/i;

const STDERR_KEPT = 4000;
/**
 * The young generation of a worker's heaps (its own and the sandbox isolates'), in MiB per
 * semi-space. V8 would grow it to 32 MiB and more for a heap the size of the compiler's;
 * at 8 a worker's resident memory was about 180 MiB less (349 MiB at its peak in a class of
 * 300, against 258), at the same speed (npm run bench).
 */
const SEMI_SPACE_MB = 8;
/**
 * V8's helper threads in a worker (garbage collection and optimizing compiles beside the main
 * thread; Node starts 4). Workers are as many as the cores, so their helpers only compete for
 * them: with one each, a class of 300 was graded 10 to 20 % faster (npm run bench, paired runs).
 */
const V8_HELPER_THREADS = 1;

/** A worker's V8 flags. A code cache made in a worker is taken only by a V8 with the same flags (typescript-cache.ts). */
export const WORKER_V8_FLAGS = ['--max-old-space-size=1024', `--max-semi-space-size=${SEMI_SPACE_MB}`, `--v8-pool-size=${V8_HELPER_THREADS}`];

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
  private kit: KitDescription | undefined;
  private readonly sampler: NodeJS.Timeout;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
    this.sampler = setInterval(() => this.sample(), SAMPLE_MS);
    this.sampler.unref();
  }

  /**
   * The track and catalogue the workers load the kit with, read and checked by this process: a
   * worker asks for them once it has loaded its code, and waits for them (a pool is started
   * before they are read).
   */
  provideKit(kit: KitDescription): void {
    this.kit = kit;
    for (const slot of this.slots) this.sendKit(slot);
  }

  private sendKit(slot: Slot): void {
    if (!this.kit || !slot.wantsKit || !slot.child.connected) return;
    slot.wantsKit = false;
    slot.child.send({ type: 'kit', kit: this.kit } satisfies ToWorker);
  }

  /** Starts workers until there are `size` of them (a pool started before the class's size was known). */
  grow(size: number): void {
    if (this.closed) return;
    while (this.slots.length < size) this.slots.push(this.spawn());
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
    clearInterval(this.sampler);
    for (const slot of this.slots) slot.child.kill('SIGKILL');
  }

  private spawn(): Slot {
    const { kitRoot, bundleFile } = this.options;
    const child = fork(bundleFile, [], {
      execArgv: [...permissionFlags(kitRoot, bundleFile), ...WORKER_V8_FLAGS, '--require', path.join(kitRoot, 'bin', 'worker-preload.cjs')],
      env: { ...process.env, BACKPROP_KIT_ROOT: kitRoot },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    const slot: Slot = { child, usage: child.pid === undefined ? undefined : new UsageReader(child.pid), stderr: '', ready: Promise.resolve() };
    child.stderr?.on('data', (chunk: Buffer) => {
      slot.stderr = (slot.stderr + chunk.toString()).slice(-STDERR_KEPT);
    });
    let started = false;
    slot.ready = new Promise((resolve, reject) => {
      child.on('message', (message: ToMain) => {
        if (message.type === 'started') {
          slot.wantsKit = true;
          this.sendKit(slot);
        } else if (message.type === 'ready') {
          // a worker's first message, before it has been given any student's code: its compiled kit and compiler cache can be kept
          if (!started && message.compiled) storeKitModules(kitRoot, message.compiled.key, message.compiled.modules);
          if (!started && message.typescript) storeTypescriptCache(kitRoot, message.typescript);
          started = true;
          resolve();
          this.dispatch();
        } else if (message.type === 'step') this.startStep(slot, message.jobId, message.step);
        else this.finish(slot, message.jobId, message.type === 'result' ? { ok: true, run: message.run } : { ok: false, error: message.message });
      });
      // 'close', not 'exit': it comes after the last messages and the last of stderr are read
      child.on('close', (code, signal) => {
        slot.usage?.close();
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
          slot.busy = { jobId, job, resolve };
          this.watch(slot, 'start');
          slot.child.send({ type: 'grade', jobId, job } satisfies ToWorker);
        },
        () => undefined, // a worker that could not start takes no job (a replacement killed by close(), say)
      );
    }
  }

  /**
   * Starts watching `step` of the slot's job: the sampler kills the worker if the step spends
   * more CPU time than its limit or grows the worker's memory past its bound, and a timer kills
   * it at the wall-clock backstop. The close handler reports the job and replaces the worker.
   */
  private watch(slot: Slot, step: GradingStep | 'start'): void {
    const busy = slot.busy!;
    clearTimeout(busy.timer);
    const cpuLimitMs = this.options.stepTimeoutMs(busy.job, step);
    slot.usage?.startPeak();
    const usage = slot.usage?.read();
    const memoryBoundMb = this.options.stepMemoryMb?.(busy.job, step);
    busy.watch = usage ? { step, cpuMs: usage.cpuMs, rssMb: usage.rssMb, cpuLimitMs, ...(memoryBoundMb !== undefined ? { memoryBoundMb } : {}) } : undefined;
    if (!usage) {
      busy.timer = setTimeout(() => this.kill(slot, step, 'time'), cpuLimitMs);
      return;
    }
    const periodMs = WALL_CLOCK_FACTOR * cpuLimitMs;
    let cpuAtStart = usage.cpuMs;
    const backstop = (): void => {
      const now = slot.usage?.read();
      if (!now || now.cpuMs - cpuAtStart < IDLE_SHARE * periodMs) return this.kill(slot, step, 'time');
      cpuAtStart = now.cpuMs; // starved but working: the CPU time limit will end it if it must
      busy.timer = setTimeout(backstop, periodMs);
    };
    busy.timer = setTimeout(backstop, periodMs);
  }

  /** Reads each busy worker's CPU time and memory, and stops the ones past their step's limits. */
  private sample(): void {
    for (const slot of this.slots) {
      const watch = slot.busy?.watch;
      if (!watch || slot.killed || slot.child.pid === undefined) continue;
      const usage = slot.usage?.read();
      if (!usage) continue;
      if (watch.memoryBoundMb !== undefined && usage.peakRssMb - watch.rssMb > watch.memoryBoundMb) {
        this.kill(slot, watch.step, 'memory', { rssMb: Math.round(usage.peakRssMb), boundMb: Math.round(watch.rssMb + watch.memoryBoundMb) });
      } else if (usage.cpuMs - watch.cpuMs > watch.cpuLimitMs) this.kill(slot, watch.step, 'time');
    }
  }

  private kill(slot: Slot, step: GradingStep | 'start', limit: 'time' | 'memory', memory: { rssMb?: number; boundMb?: number } = {}): void {
    if (slot.killed) return;
    slot.killed = { step: step === 'start' ? 'job' : step, limit, ...memory };
    slot.child.kill('SIGKILL');
  }

  private startStep(slot: Slot, jobId: number, step: GradingStep): void {
    if (slot.busy?.jobId !== jobId || slot.killed) return;
    slot.busy.step = step;
    this.watch(slot, step);
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
      const { killed } = slot;
      const death: WorkerDeath = {
        ...(step !== undefined ? { step } : {}),
        cause: killed ? (killed.limit === 'memory' ? 'memory' : 'watchdog') : 'crash',
        how: killed ? 'SIGKILL' : how,
        outOfMemory: !killed && OUT_OF_MEMORY.test(slot.stderr),
        ...(killed?.rssMb !== undefined ? { rssMb: killed.rssMb, boundMb: killed.boundMb } : {}),
      };
      const what = !killed
        ? `stopped (${how})${slot.stderr.trim() ? `: ${lastLine(slot.stderr)}` : ''}`
        : killed.limit === 'memory'
          ? `was stopped: ${step ?? 'the job'} took its memory to ${killed.rssMb} MiB (bound ${killed.boundMb} MiB)`
          : `was stopped: ${step ?? 'the job'} took too long`;
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

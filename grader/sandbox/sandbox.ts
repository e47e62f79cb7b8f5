/**
 * Runs untrusted student modules in isolated-vm: a V8 isolate with a memory cap, a fresh
 * context (its own globals, nothing shared with any other) for each exercise of each
 * student, and a time budget per exercise. Only plain data crosses the boundary. Nothing
 * in the isolate can reach Node: no require of Node modules, no process, no file system,
 * no network. The isolate is reused across students for speed, and replaced after a
 * timeout or a memory blow-up and every RECYCLE_AFTER students.
 *
 * The time budget is CPU time of the thread that runs the calls (they are synchronous), so
 * that a verdict does not depend on how busy the machine is. isolated-vm can only stop a call
 * after a wall-clock time, so each call gets its remaining CPU time as wall-clock time; if
 * that runs out before the CPU time does (the thread did not get a whole core), the exercise
 * is graded again from the start in a fresh context with more wall-clock time (see
 * time-budget.ts), until the CPU budget is spent or the last attempt ends.
 */
import ivm from 'isolated-vm';
import { clip } from '../checks/bounded';
import { SandboxAbort, type InvokeOutcome, type Subject } from '../checks/runner';
import { BOOTSTRAP_SOURCE, wrapModule } from './bootstrap';
import type { ModuleCode } from './module-code';
import { nextSlack, SANDBOX_ATTEMPTS } from './time-budget';

export interface SandboxLimits {
  /** CPU time budget for all calls of one exercise, in milliseconds */
  timeoutMs: number;
  /** heap cap of the isolate, in MiB */
  memoryMb: number;
}

export type { ModuleCode } from './module-code';

export interface ExerciseSession {
  /** the graded module's functions */
  subject: Subject;
  /** calls a function of any module in this context (the integration run uses several) */
  invoke(moduleId: string, fn: string, args: unknown[]): InvokeOutcome;
  /** loads a module once, so a crash at load time is reported as such */
  load(moduleId: string): InvokeOutcome;
  /** what the graded code printed with console.* (capped) */
  output(): string;
}


/** Students graded in one isolate before it is replaced by a fresh one. */
export const RECYCLE_AFTER = 100;

/** A call stopped by the wall clock before this share of the CPU budget was spent did not get the CPU it was due. */
const STARVED_BELOW = 0.9;

/**
 * A call stopped by the time limit while the heap holds this share of the memory limit ran
 * out of memory: near its limit V8 spends its time collecting garbage, and isolated-vm lets
 * a heap run past the limit for a while before it stops it.
 */
const HEAP_FULL_AT = 0.8;

/**
 * The wall clock ran out before the CPU budget: the exercise is to be graded again with more
 * wall-clock time. An abort, so that the checks runner passes it on like any other.
 */
class Starved extends SandboxAbort {
  /** the share of a core the thread had: CPU time / wall-clock time of the attempt's calls */
  constructor(readonly share: number) {
    super('timeout', 'the wall-clock time ran out before the CPU time');
  }
}

/** CPU time of this thread (the process's where Node is older than 22.19, which lacks threadCpuUsage). */
const threadCpuMs = (): number => {
  const { user, system } = typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage() : process.cpuUsage();
  return (user + system) / 1000;
};

export class StudentSandbox {
  private isolate: ivm.Isolate | undefined;
  private students = 0;
  private bootstrap: ivm.Script | undefined;
  /** compiled once per isolate, run in each context */
  private scripts = new Map<string, ivm.Script>();

  constructor(private readonly limits: SandboxLimits) {}

  /**
   * Runs `body` with a Subject for module `gradedId` in a fresh context holding `modules`.
   * Returns the abort (time, memory, crash) if the sandbox had to stop. `body` may be run
   * more than once (see time-budget.ts): each run must start from scratch.
   */
  withExercise(gradedId: string, modules: ModuleCode[], body: (session: ExerciseSession) => void): { output: string; abort?: SandboxAbort } {
    let slack = 1;
    for (let attempt = 1; ; attempt++) {
      const result = this.attempt(gradedId, modules, body, slack, attempt === SANDBOX_ATTEMPTS);
      if (!(result instanceof Starved)) return result;
      slack = nextSlack(slack, result.share);
    }
  }

  /** One attempt at an exercise, or Starved if the wall clock ran out before the CPU budget and another attempt follows. */
  private attempt(gradedId: string, modules: ModuleCode[], body: (session: ExerciseSession) => void, slack: number, lastAttempt: boolean): { output: string; abort?: SandboxAbort } | Starved {
    const isolate = this.ensureIsolate();
    let context: ivm.Context | undefined;
    let kit: ivm.Reference | undefined;
    let spentMs = 0;
    let wallMs = 0;
    let abortKind: SandboxAbort['kind'] | undefined;
    const timed = <T>(run: (timeout: number) => T): T => {
      if (spentMs >= this.limits.timeoutMs) throw this.outOfTime();
      const started = threadCpuMs();
      const wallStarted = performance.now();
      const account = () => {
        spentMs += threadCpuMs() - started;
        wallMs += performance.now() - wallStarted;
      };
      let result: T;
      try {
        result = run(Math.max(1, Math.round((this.limits.timeoutMs - spentMs) * slack)));
      } catch (error) {
        account();
        const abort = this.classify(error);
        if (abort.kind === 'timeout' && spentMs < STARVED_BELOW * this.limits.timeoutMs && !lastAttempt) throw new Starved(spentMs / Math.max(wallMs, 1));
        throw abort;
      }
      account();
      // with more wall-clock time than CPU time left, a call can end past the budget
      if (spentMs > this.limits.timeoutMs) throw this.outOfTime();
      return result;
    };

    try {
      context = isolate.createContextSync();
      const ref = (kit = this.install(isolate, context, modules));
      const call = (args: unknown[]): InvokeOutcome =>
        timed((timeout) => ref.applySync(undefined, args, { arguments: { copy: true }, result: { copy: true }, timeout }) as InvokeOutcome);
      const session: ExerciseSession = {
        subject: { invoke: (fn, args) => call(['invoke', gradedId, fn, args]) },
        invoke: (moduleId, fn, args) => call(['invoke', moduleId, fn, args]),
        load: (moduleId) => call(['load', moduleId]),
        output: () => readOutput(ref),
      };
      body(session);
      return { output: session.output() };
    } catch (error) {
      if (error instanceof Starved) {
        abortKind = 'timeout'; // the isolate is replaced, as after any timeout
        return error;
      }
      const abort = error instanceof SandboxAbort ? error : this.classify(error);
      abortKind = abort.kind;
      let output = '';
      try {
        if (kit && !isolate.isDisposed) output = readOutput(kit);
      } catch {
        // the isolate is gone; there is no output to report
      }
      return { output, abort };
    } finally {
      kit?.release();
      if (context && !isolate.isDisposed) context.release();
      // after a memory blow-up (the isolate is gone) or a timeout (it may be left in a
      // strange state), start the next exercise in a new isolate
      if (isolate.isDisposed) this.reset();
      else if (abortKind === 'timeout') this.dispose();
    }
  }

  /** Called after each student: every RECYCLE_AFTER students, start again from a fresh isolate. */
  studentDone(): void {
    if (++this.students % RECYCLE_AFTER === 0) this.dispose();
  }

  dispose(): void {
    if (this.isolate && !this.isolate.isDisposed) this.isolate.dispose();
    this.reset();
  }

  private ensureIsolate(): ivm.Isolate {
    if (!this.isolate || this.isolate.isDisposed) {
      this.isolate = new ivm.Isolate({ memoryLimit: this.limits.memoryMb });
      this.bootstrap = this.isolate.compileScriptSync(BOOTSTRAP_SOURCE, { filename: 'backprop-kit:bootstrap' });
    }
    return this.isolate;
  }

  private reset(): void {
    this.isolate = undefined;
    this.bootstrap = undefined;
    this.scripts.clear();
  }

  /** Runs the bootstrap in the context and defines the modules; returns the bootstrap's `kit` function. */
  private install(isolate: ivm.Isolate, context: ivm.Context, modules: ModuleCode[]): ivm.Reference {
    const kit = this.bootstrap!.runSync(context, { reference: true, timeout: 1000 }) as ivm.Reference;
    for (const module of modules) {
      const factory = this.script(isolate, module).runSync(context, { reference: true, timeout: 1000 }) as ivm.Reference;
      kit.applySync(undefined, ['define', module.id, factory.derefInto()], { timeout: 1000 });
      factory.release();
    }
    return kit;
  }

  /** The kit's modules are compiled once per isolate (every exercise of every student uses them); student code each time. */
  private script(isolate: ivm.Isolate, module: ModuleCode): ivm.Script {
    const compile = () => isolate.compileScriptSync(wrapModule(module.js), { filename: `${module.id}.js` });
    if (!module.kit) return compile();
    let script = this.scripts.get(module.id);
    if (!script) this.scripts.set(module.id, (script = compile()));
    return script;
  }

  private classify(error: unknown): SandboxAbort {
    if (error instanceof SandboxAbort) return error;
    const message = error instanceof Error ? error.message : String(error);
    if (/timed out/i.test(message)) return this.heapFull() ? this.outOfMemory() : this.outOfTime();
    if (/memory limit|disposed/i.test(message) || this.isolate?.isDisposed) return this.outOfMemory();
    // the message of an unhandled rejection is the student's: keep a message's worth of it
    return new SandboxAbort('crash', clip(`the sandbox stopped: ${message}`));
  }

  private outOfTime(): SandboxAbort {
    return new SandboxAbort('timeout', `time limit of ${this.limits.timeoutMs} ms reached`);
  }

  private outOfMemory(): SandboxAbort {
    return new SandboxAbort('memory', `memory limit of ${this.limits.memoryMb} MiB reached`);
  }

  /** Whether the isolate's heap and array buffers hold HEAP_FULL_AT of the memory limit or more. */
  private heapFull(): boolean {
    try {
      const heap = this.isolate!.getHeapStatisticsSync();
      return heap.used_heap_size + heap.externally_allocated_size >= HEAP_FULL_AT * this.limits.memoryMb * 1024 * 1024;
    } catch {
      return false; // the isolate is gone: the message said why
    }
  }
}

function readOutput(kit: ivm.Reference): string {
  return String(kit.applySync(undefined, ['output'], { result: { copy: true }, timeout: 1000 }) ?? '');
}

/**
 * Runs untrusted student modules in isolated-vm: a V8 isolate with a memory cap, a fresh
 * context (its own globals, nothing shared with any other) for each exercise of each
 * student, and a time budget per exercise. Only plain data crosses the boundary. Nothing
 * in the isolate can reach Node: no require of Node modules, no process, no file system,
 * no network. The isolate is reused across students for speed, and replaced after a
 * timeout or a memory blow-up and every RECYCLE_AFTER students.
 */
import ivm from 'isolated-vm';
import { clip } from '../checks/bounded';
import { SandboxAbort, type InvokeOutcome, type Subject } from '../checks/runner';
import { BOOTSTRAP_SOURCE, wrapModule } from './bootstrap';
import type { ModuleCode } from './module-code';

export interface SandboxLimits {
  /** CPU budget for all calls of one exercise, in milliseconds */
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

export class StudentSandbox {
  private isolate: ivm.Isolate | undefined;
  private students = 0;
  private bootstrap: ivm.Script | undefined;
  /** compiled once per isolate, run in each context */
  private scripts = new Map<string, ivm.Script>();

  constructor(private readonly limits: SandboxLimits) {}

  /**
   * Runs `body` with a Subject for module `gradedId` in a fresh context holding `modules`.
   * Returns the abort (time, memory, crash) if the sandbox had to stop.
   */
  withExercise(gradedId: string, modules: ModuleCode[], body: (session: ExerciseSession) => void): { output: string; abort?: SandboxAbort } {
    const isolate = this.ensureIsolate();
    let context: ivm.Context | undefined;
    let kit: ivm.Reference | undefined;
    let spentMs = 0;
    let abortKind: SandboxAbort['kind'] | undefined;
    const timed = <T>(run: (timeout: number) => T): T => {
      const remaining = Math.max(1, Math.round(this.limits.timeoutMs - spentMs));
      if (spentMs >= this.limits.timeoutMs) throw new SandboxAbort('timeout', `time limit of ${this.limits.timeoutMs} ms reached`);
      const started = performance.now();
      try {
        return run(remaining);
      } catch (error) {
        throw this.classify(error);
      } finally {
        spentMs += performance.now() - started;
      }
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
    if (/timed out/i.test(message)) return new SandboxAbort('timeout', `time limit of ${this.limits.timeoutMs} ms reached`);
    if (/memory limit|disposed/i.test(message) || this.isolate?.isDisposed) {
      return new SandboxAbort('memory', `memory limit of ${this.limits.memoryMb} MiB reached`);
    }
    // the message of an unhandled rejection is the student's: keep a message's worth of it
    return new SandboxAbort('crash', clip(`the sandbox stopped: ${message}`));
  }
}

function readOutput(kit: ivm.Reference): string {
  return String(kit.applySync(undefined, ['output'], { result: { copy: true }, timeout: 1000 }) ?? '');
}

/**
 * The limits the pool enforces on each step of a grading job (pool.ts): a worker's CPU time
 * and the growth of its resident memory. Apart from grade.ts so that a command can start its
 * workers before it loads the rest of grading (start-workers.ts).
 */
import { SANDBOX_ATTEMPTS } from '../sandbox/time-budget';
import type { GradeJob, GradingStep } from './types';

/**
 * How much CPU time a worker may spend on one step of a job before the pool kills it (its
 * wall-clock backstop only stops a worker that hangs: see pool.ts). Type checking cannot be
 * interrupted inside the worker, so a file that keeps the checker busy is stopped here. An
 * exercise runs under the sandbox's time limit, but some of the student's code can run
 * outside it (isolated-vm reads an unhandled rejection's reason after the call, with no time
 * limit; a native loop such as \`new Array(1e8).fill(x)\` does not stop when told to), so an
 * exercise step gets its time limit once per attempt of the sandbox (each spends at most
 * that), once more, and 5 s for the grader's own work before its worker is stopped.
 */
export function stepTimeoutMs(job: GradeJob, step: GradingStep | 'start'): number {
  if (step === 'start') return 30_000;
  if (step === 'compile') return compileTimeoutMs(job.limits.timeoutMs);
  return (SANDBOX_ATTEMPTS + 1) * job.limits.timeoutMs + 5_000;
}

/**
 * How far a worker's resident memory may grow while it runs one exercise (or the integration
 * run) before the pool kills it: twice the sandbox's memory limit, and 32 MiB for a fresh
 * isolate and the grader's own work (an honest exercise grows it by 10 MiB at most). The
 * isolate's own limit counts its heap and array buffers only, and lets the heap run past the
 * limit for a while; this bound counts everything the process holds.
 */
export function stepMemoryMb(job: GradeJob, step: GradingStep | 'start'): number | undefined {
  return step === 'start' || step === 'compile' ? undefined : workerMemoryGrowthMb(job.limits.memoryMb);
}

export const workerMemoryGrowthMb = (memoryMb: number): number => 2 * memoryMb + 32;

/**
 * The most CPU time type checking one student's files may take: ten times the time limit per
 * exercise (20 s by default), and at least 10 s. A fresh worker checks 16 files in about a
 * second of CPU time.
 */
export const compileTimeoutMs = (timeoutMs: number): number => Math.max(10_000, 10 * timeoutMs);

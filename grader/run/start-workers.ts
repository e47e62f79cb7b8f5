/**
 * Grading workers take about a second to load the kit (the compiler above all), so a command
 * starts them before it loads the rest of grading and reads the class: one worker at once,
 * the others when the class's size is known (WorkerPool.grow).
 */
import { KIT_ROOT } from '../paths';
import { bundleWorker } from './bundle';
import { WorkerPool } from './pool';
import { stepMemoryMb, stepTimeoutMs } from './step-limits';

export interface StartedWorkers {
  pool: WorkerPool;
  /** a hash of the worker bundle's code, part of the kit's fingerprint */
  bundleHash: string;
}

export async function startWorkers(size: number): Promise<StartedWorkers> {
  const bundle = await bundleWorker(KIT_ROOT);
  const pool = new WorkerPool({ size, bundleFile: bundle.file, kitRoot: KIT_ROOT, stepTimeoutMs, stepMemoryMb });
  return { pool, bundleHash: bundle.hash };
}

/** Runs `body` with one worker started now; closes the pool when `body` ends, however it ends. */
export async function withWorkersStarted<T>(body: (started: StartedWorkers) => Promise<T>): Promise<T> {
  const started = await startWorkers(1);
  try {
    return await body(started);
  } finally {
    started.pool.close();
  }
}

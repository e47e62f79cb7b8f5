/**
 * Watches the resident memory of a grading run's workers from outside, as the kernel counts
 * it (/proc/<pid>/status, VmHWM: the most a process has held), independently of the pool's
 * own sampling: the hostile suite asserts the peak of every worker against the bound
 * docs/security.md states.
 */
import { readFileSync } from 'node:fs';
import { processesOfRun } from './helpers';

/** The worker build's entry, in a worker's command line (node … backprop-kit/worker-<hash>/worker-main.mjs). */
const WORKER = /[\\/]backprop-kit[\\/]worker-[0-9a-f]+[\\/]worker-main\.mjs/;

export class WorkerMemoryWatch {
  /** pid → the most resident memory seen for that worker, in MiB */
  readonly peaks = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;
  private workers: number[] = [];
  private ticks = 0;

  /** Starts watching the workers of the run whose TMPDIR is `tmp`. */
  constructor(private readonly tmp: string) {
    this.timer = setInterval(() => this.sample(), 20);
  }

  stop(): Map<number, number> {
    clearInterval(this.timer);
    this.sample();
    return this.peaks;
  }

  private sample(): void {
    // new workers replace killed ones: look for them every 10 samples
    if (this.ticks++ % 10 === 0) this.workers = processesOfRun(this.tmp).filter(isWorker);
    for (const pid of this.workers) {
      try {
        const peak = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
        if (peak) this.peaks.set(pid, Math.max(this.peaks.get(pid) ?? 0, Number(peak[1]) / 1024));
      } catch {
        // gone (killed at its bound, or the run ended)
      }
    }
  }
}

function isWorker(pid: number): boolean {
  try {
    return WORKER.test(readFileSync(`/proc/${pid}/cmdline`, 'latin1'));
  } catch {
    return false;
  }
}

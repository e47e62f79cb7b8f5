/**
 * What a process is using, read from outside it: its resident memory and the CPU time it
 * has spent. The pool reads its workers' this way because a worker cannot answer while
 * student code runs (a sandbox call blocks its thread), and because memory outside the
 * V8 heap (native objects, array buffers) is counted by no one inside the worker.
 * Linux only (/proc); elsewhere `readUsage` returns undefined and the pool falls back to
 * wall-clock time and the isolate's own memory limit.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

export interface ProcessUsage {
  /** resident set size (VmRSS), in MiB */
  rssMb: number;
  /** the most it has been since startPeak (VmHWM), in MiB: a peak between two readings is not missed */
  peakRssMb: number;
  /**
   * user + system CPU time of the process's main thread, in milliseconds: the thread that runs
   * the student's code (sandbox calls are synchronous) and the grader's own work, but not
   * isolated-vm's timer thread, which spins while it waits for a native loop to stop
   */
  cpuMs: number;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ): 100 on every Linux port Node runs on. */
const TICKS_PER_SECOND = 100;

/** One reading of a process, with files opened for it and closed again (UsageReader keeps them open). */
export function readUsage(pid: number): ProcessUsage | undefined {
  const reader = new UsageReader(pid);
  try {
    return reader.read();
  } finally {
    reader.close();
  }
}

/**
 * Reads one process again and again through its /proc files kept open: reading an open
 * /proc file from its start makes its text anew, and costs a quarter of opening it each time
 * (13 against 52 µs here). The pool reads each busy worker every 20 ms, and resets its peak
 * and reads it as each step starts.
 */
export class UsageReader {
  private status: number | undefined;
  private stat: number | undefined;
  private clearRefs: number | undefined;
  private readonly buffer = Buffer.alloc(16 * 1024);

  constructor(private readonly pid: number) {}

  read(): ProcessUsage | undefined {
    try {
      this.status ??= openSync(`/proc/${this.pid}/status`, 'r');
      this.stat ??= openSync(`/proc/${this.pid}/task/${this.pid}/stat`, 'r');
      const status = this.text(this.status);
      const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
      const peak = /^VmHWM:\s+(\d+) kB/m.exec(status);
      // the command name (field 2) may hold spaces and parentheses: the fields that follow start after the last ')'
      const stat = this.text(this.stat);
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name
      const ticks = Number(fields[11]) + Number(fields[12]);
      if (!rss || !peak || !Number.isFinite(ticks)) return undefined;
      return { rssMb: Number(rss[1]) / 1024, peakRssMb: Number(peak[1]) / 1024, cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
    } catch {
      return undefined; // not Linux, or the process is gone
    }
  }

  /** Starts measuring the process's peak resident memory afresh, from what it holds now (Linux: clear_refs 5 resets VmHWM). */
  startPeak(): void {
    try {
      this.clearRefs ??= openSync(`/proc/${this.pid}/clear_refs`, 'w');
      writeSync(this.clearRefs, '5');
    } catch {
      // not Linux, or gone: the peak then counts from the process's start, which only makes the bound stricter
    }
  }

  close(): void {
    for (const fd of [this.status, this.stat, this.clearRefs]) if (fd !== undefined) closeSync(fd);
    this.status = this.stat = this.clearRefs = undefined;
  }

  private text(fd: number): string {
    return this.buffer.toString('latin1', 0, readSync(fd, this.buffer, 0, this.buffer.length, 0));
  }
}

/** UsageReader.startPeak once, with the file opened for it and closed again. */
export function startPeak(pid: number): void {
  const reader = new UsageReader(pid);
  reader.startPeak();
  reader.close();
}

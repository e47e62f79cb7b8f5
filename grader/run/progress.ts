/**
 * Progress of a grading run on stderr: a bar with rate and ETA on a terminal, one plain
 * line per student otherwise (logs, CI).
 */
import { printable as printableText } from '../printable';
import type { StudentRecord } from '../results/types';

export interface ProgressReporter {
  start(total: number): void;
  studentDone(record: StudentRecord, resumed: boolean): void;
  warn(message: string): void;
  stop(): void;
}

/** Student ids and file names come from the submissions: shown on one line, escapes escaped. */
const printable = (text: string): string => printableText(text, { oneLine: true });

export function createProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false): ProgressReporter {
  if (quiet) return { start() {}, studentDone() {}, warn: (m) => stream.write(`warning: ${printable(m)}\n`), stop() {} };
  return stream.isTTY ? new BarProgress(stream) : new LineProgress(stream);
}

class LineProgress implements ProgressReporter {
  private done = 0;
  private total = 0;
  constructor(private readonly stream: NodeJS.WritableStream) {}
  start(total: number): void {
    this.total = total;
    this.stream.write(`grading ${total} submission(s)\n`);
  }
  studentDone(record: StudentRecord, resumed: boolean): void {
    this.done++;
    const what = record.graderError ? 'grader error' : `${record.score}/${record.maxScore}`;
    this.stream.write(`[${this.done}/${this.total}] ${printable(record.studentId)}: ${what}${resumed ? ' (resumed)' : ''}\n`);
  }
  warn(message: string): void {
    this.stream.write(`warning: ${printable(message)}\n`);
  }
  stop(): void {}
}

class BarProgress implements ProgressReporter {
  private done = 0;
  private graded = 0;
  private total = 0;
  private started = 0;
  private last = '';
  constructor(private readonly stream: NodeJS.WriteStream) {}
  start(total: number): void {
    this.total = total;
    this.started = performance.now();
    this.draw();
  }
  studentDone(record: StudentRecord, resumed: boolean): void {
    this.done++;
    if (!resumed) this.graded++;
    this.last = `${printable(record.studentId)} ${record.graderError ? 'grader error' : `${record.score}/${record.maxScore}`}`;
    this.draw();
  }
  warn(message: string): void {
    this.stream.write(`\r\x1b[2Kwarning: ${printable(message)}\n`);
    this.draw();
  }
  stop(): void {
    this.stream.write('\r\x1b[2K');
  }
  private draw(): void {
    const width = 24;
    const filled = this.total === 0 ? width : Math.round((width * this.done) / this.total);
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.graded / seconds : 0;
    const eta = rate > 0 ? `${Math.ceil((this.total - this.done) / rate)}s` : '…';
    const line = `grading [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${this.done}/${this.total} · ${rate.toFixed(1)}/s · ETA ${eta}${this.last ? ` · ${this.last}` : ''}`;
    this.stream.write(`\r\x1b[2K${line.slice(0, (this.stream.columns ?? 100) - 1)}`);
  }
}

/** Progress of a grading run: a bar with rate and ETA on a terminal, plain lines otherwise; `verify` end to end. */
import { describe, expect, it } from 'vitest';
import type { StudentRecord } from '../grader/results/types';
import { createProgress } from '../grader/run/progress';
import { runCli } from './helpers/cli';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = { isTTY, columns: 120, write: (chunk: string) => chunks.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, text: () => chunks.join('') };
}
const record = (studentId: string, score: number) => ({ studentId, score, maxScore: 160 }) as StudentRecord;

describe('grading progress', () => {
  it('without a terminal: one plain line per student, ids with control characters escaped', () => {
    const { stream, text } = fakeStream(false);
    const progress = createProgress(stream);
    progress.start(2);
    progress.studentDone(record('ada', 160), false);
    progress.studentDone(record('evil\u001b[2J', 12.5), true);
    expect(text()).toBe('grading 2 submission(s)\n[1/2] ada: 160/160\n[2/2] evil\\u001b[2J: 12.5/160 (resumed)\n');
  });

  it('on a terminal: a bar with done/total, rate and ETA, redrawn in place', () => {
    const { stream, text } = fakeStream(true);
    const progress = createProgress(stream);
    progress.start(4);
    progress.studentDone(record('ada', 160), false);
    progress.studentDone(record('ben', 70), false);
    const last = text().split('\r\x1b[2K').at(-1)!;
    expect(last).toMatch(/^grading \[█{12}░{12}\] 2\/4 · [\d.]+\/s · ETA (\d+s|…) · ben 70\/160$/);
    progress.stop();
    expect(text().endsWith('\r\x1b[2K')).toBe(true);
  });

  it('--quiet prints nothing but warnings', () => {
    const { stream, text } = fakeStream(true);
    const progress = createProgress(stream, true);
    progress.start(1);
    progress.studentDone(record('ada', 160), false);
    progress.warn('no course secret given');
    expect(text()).toBe('warning: no course secret given\n');
  });
});

describe('backprop-kit verify', () => {
  it('checks the kit and passes (the public-spec runs are covered by cli.spec.ts)', () => {
    const result = runCli(['verify', '--skip-public']);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/✓ stubs are generated from the solutions/);
    expect(result.stdout).toMatch(/✓ the solutions pass all \d+ hidden checks/);
    expect(result.stdout).toMatch(/✓ the stubs fail all \d+ hidden checks as not implemented/);
    expect(result.stdout).toMatch(/^all \d+ checks passed$/m);
  });
});

/** Atomic writes and the clean-up of what a killed run left half-written. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStaleTemporaries, writeFileAtomic, writeFileDurable } from '../grader/results/atomic';

const dir = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic writes', () => {
  it('write the whole file and leave no temporary behind, durable or not', async () => {
    const file = path.join(dir, 'a', 'b', 'record.json');
    writeFileAtomic(file, 'first');
    await writeFileDurable(file, 'second');
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(path.dirname(file))).toEqual(['record.json']);
  });

  it('a new run removes the temporaries of runs that were killed, and only those', () => {
    const ended = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const deadPid = Number(ended.stdout.trim());
    const students = path.join(dir, 'out', 'students', 'ada');
    mkdirSync(students, { recursive: true });
    const stale = path.join(students, `feedback.md.${deadPid}.0a1b2c3d.tmp`);
    const ours = path.join(students, `feedback.html.${process.pid}.deadbeef.tmp`);
    const notOurs = path.join(students, 'notes.tmp');
    for (const file of [stale, ours, notOurs]) writeFileSync(file, 'x');
    removeStaleTemporaries(path.join(dir, 'out'));
    expect([stale, ours, notOurs].map((f) => existsSync(f))).toEqual([false, true, true]);
    removeStaleTemporaries(path.join(dir, 'no-such-folder')); // a first run: nothing to clean
  });
});

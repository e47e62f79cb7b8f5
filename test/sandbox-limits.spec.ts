/**
 * The sandbox's limits in isolation (the hostile suite shows them end to end): what graded code
 * cannot reach, how the CPU time budget asks for more wall-clock time, and what the pool
 * reads of a process from outside.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { readUsage, startPeak, UsageReader } from '../grader/run/usage';
import { StudentSandbox } from '../grader/sandbox/sandbox';
import { MAX_WALL_CLOCK_SLACK, nextSlack } from '../grader/sandbox/time-budget';

/** Runs `js` (CommonJS, exporting f) in a fresh sandbox and calls f once. */
function callOnce(js: string, limits = { timeoutMs: 500, memoryMb: 64 }) {
  const sandbox = new StudentSandbox(limits);
  try {
    let outcome: unknown;
    const { abort } = sandbox.withExercise('m', [{ id: 'm', js }], (session) => {
      outcome = session.invoke('m', 'f', []);
    });
    return { outcome, abort };
  } finally {
    sandbox.dispose();
  }
}

describe('what graded code can reach', () => {
  it('has no shared memory, Atomics, Intl or WebAssembly', () => {
    const { outcome } = callOnce(`exports.f = () => ['SharedArrayBuffer', 'Atomics', 'Intl', 'WebAssembly'].map((name) => typeof globalThis[name]);`);
    expect(outcome).toEqual({ ok: true, result: ['undefined', 'undefined', 'undefined', 'undefined'], argsAfter: [] });
  });

  it('prints any function by its name only, never its source, however toString is reached', () => {
    const { outcome } = callOnce(`function secretBody(x) { return x * 42; }
      exports.f = () => {
        const toString = Function.prototype.toString;
        return [String(secretBody), secretBody + '', toString.call(secretBody), Reflect.apply(toString, (y) => y + 7, []), toString.call(class Kept {}), typeof toString.call];
      };`);
    expect(outcome).toEqual({
      ok: true,
      result: ['function secretBody() { [native code] }', 'function secretBody() { [native code] }', 'function secretBody() { [native code] }', 'function () { [native code] }', 'function Kept() { [native code] }', 'function'],
      argsAfter: [],
    });
  });

  it('keeps ordinary array buffers and typed arrays, but refuses a resizable ArrayBuffer, however its constructor is reached', () => {
    const { outcome } = callOnce(`exports.f = () => {
      const t = new Float64Array([1, 2]);
      const refused = [];
      for (const C of [ArrayBuffer, t.buffer.constructor, Object.getPrototypeOf(new ArrayBuffer(1)).constructor]) {
        try { new C(0, { maxByteLength: 2 ** 30 }); refused.push(false); } catch (e) { refused.push(e instanceof TypeError); }
      }
      return [t.buffer instanceof ArrayBuffer, new ArrayBuffer(8).byteLength, ArrayBuffer.isView(t), new ArrayBuffer(8).slice(2).byteLength, typeof ArrayBuffer.prototype.resize, ...refused];
    };`);
    expect(outcome).toEqual({ ok: true, result: [true, 8, true, 6, 'undefined', true, true, true], argsAfter: [] });
  });
});

describe('the time and memory limits', () => {
  it('stops an endless loop at the time limit, and a growing heap at the memory limit (not the time limit it races)', () => {
    expect(callOnce('exports.f = () => { for (;;) {} };').abort).toMatchObject({ kind: 'timeout', message: 'time limit of 500 ms reached' });
    const bomb = callOnce('exports.f = () => { const kept = []; for (;;) kept.push(new Array(1e6).fill(Math.random())); };');
    expect(bomb.abort).toMatchObject({ kind: 'memory', message: 'memory limit of 64 MiB reached' });
  }, 180_000); // CPU time limits: on a busy machine this takes up to 4 attempts of more and more wall-clock time

  it('gives a starved attempt enough wall-clock time for the share of a core it had, twice as much at least, within bounds', () => {
    expect(nextSlack(1, 1)).toBe(2);
    expect(nextSlack(1, 0.25)).toBe(8);
    expect(nextSlack(8, 0.5)).toBe(16);
    expect(nextSlack(1, 0)).toBe(MAX_WALL_CLOCK_SLACK);
    expect(nextSlack(MAX_WALL_CLOCK_SLACK, 0.9)).toBe(MAX_WALL_CLOCK_SLACK);
  });
});

describe.runIf(process.platform === 'linux')('reading a process from outside (/proc)', () => {
  it('reads resident memory, its peak since startPeak, and the main thread’s CPU time', () => {
    startPeak(process.pid);
    const before = readUsage(process.pid)!;
    const held = Buffer.alloc(64 * 1024 * 1024, 1);
    const end = performance.now() + 300;
    while (performance.now() < end) held[0]++;
    const after = readUsage(process.pid)!;
    expect(after.rssMb - before.rssMb).toBeGreaterThan(60);
    expect(after.peakRssMb).toBeGreaterThanOrEqual(after.rssMb);
    expect(after.cpuMs).toBeGreaterThan(before.cpuMs);
    expect(readUsage(2 ** 30)).toBeUndefined();
  });

  it('reads a process again and again through files kept open, and nothing once it is gone', async () => {
    const child = spawn(process.execPath, ['-e', "process.stdout.write('up'); const end = Date.now() + 300; while (Date.now() < end); setTimeout(() => {}, 60_000)"]);
    await once(child.stdout, 'data'); // Node has started: there is memory to see
    const reader = new UsageReader(child.pid!);
    const first = reader.read()!;
    await new Promise((resolve) => setTimeout(resolve, 400));
    const later = reader.read()!;
    expect(first.rssMb).toBeGreaterThan(10);
    expect(later.cpuMs).toBeGreaterThan(first.cpuMs);
    child.kill('SIGKILL');
    await once(child, 'close');
    expect(reader.read()).toBeUndefined();
    reader.close();
  });
});

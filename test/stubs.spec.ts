/**
 * `backprop-kit stubs` never loses work: an exercise file that holds code of its own is
 * not overwritten unless --force, and then a backup is kept; verify and handout name the
 * edited files and suggest nothing destructive. Each test runs on a copy of exercises/.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { KitError } from '../grader/errors';
import { assertStubsReady } from '../grader/handout';
import { kitPath } from '../grader/paths';
import { generateStubs, isUntouchedStub, STUBS_BACKUP_DIR, stubsState, writeStubs } from '../grader/stubs';
import { verifyStubsInSync } from '../grader/verify';

const temp = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-stubs-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const stubs = generateStubs();
const sigmoidStub = stubs.find((s) => s.exerciseId === '03-sigmoid')!;
const solution = readFileSync(kitPath('solutions', '03-sigmoid', 'sigmoid.ts'), 'utf8');
let root = '';
let n = 0;
beforeEach(() => {
  root = path.join(temp, `kit-${n++}`);
  cpSync(kitPath('exercises'), path.join(root, 'exercises'), { recursive: true });
});
const sigmoidFile = () => path.join(root, sigmoidStub.file);
/** a stub of an older version of the solutions: a different doc comment, no work */
const olderStub = () => sigmoidStub.content.replace('Sigmoid, element-wise', 'The logistic function, element-wise');
/** a student's answer: the stub with one function implemented */
const edited = () => sigmoidStub.content.replace(/(export function sigmoid\(z: Vector\): Vector \{)[^}]*\}/, '$1\n  return z.map((v) => 1 / (1 + Math.exp(-v)));\n}');

describe('isUntouchedStub', () => {
  it('is true for a generated stub and for a stub of an older solution, false for any work in it', () => {
    expect(isUntouchedStub(sigmoidStub.content, '03-sigmoid')).toBe(true);
    expect(isUntouchedStub(olderStub(), '03-sigmoid')).toBe(true);
    expect(edited()).not.toBe(sigmoidStub.content);
    expect(isUntouchedStub(edited(), '03-sigmoid')).toBe(false);
    expect(isUntouchedStub(`${sigmoidStub.content}\nfunction helper(): number {\n  return 1;\n}\n`, '03-sigmoid')).toBe(false);
    expect(isUntouchedStub(solution, '03-sigmoid')).toBe(false);
  });
});

describe('backprop-kit stubs', () => {
  it('regenerates an untouched stub of an older solution without asking, and keeps no backup', () => {
    writeFileSync(sigmoidFile(), olderStub());
    expect(stubsState(stubs, root)).toEqual({ stale: [sigmoidStub], edited: [] });
    const { written, backups } = writeStubs(stubs, { root });
    expect(written.map((s) => s.file)).toEqual([sigmoidStub.file]);
    expect(backups).toEqual([]);
    expect(readFileSync(sigmoidFile(), 'utf8')).toBe(sigmoidStub.content);
  });

  it('refuses to overwrite an edited exercise file, names it, and leaves every file as it was', () => {
    writeFileSync(sigmoidFile(), edited());
    writeFileSync(path.join(root, stubs[0]!.file), olderStub()); // another, untouched but stale: not written either
    let error: unknown;
    try {
      writeStubs(stubs, { root });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KitError);
    expect((error as KitError).code).toBe('EXERCISES_EDITED');
    expect((error as KitError).message).toContain(sigmoidStub.file);
    expect((error as KitError).nextStep).toMatch(/handout/);
    expect(readFileSync(sigmoidFile(), 'utf8')).toBe(edited());
    expect(readFileSync(path.join(root, stubs[0]!.file), 'utf8')).toBe(olderStub());
  });

  it('--force overwrites an edited file and first keeps it in .backprop-kit/stubs-backup/<time>/', () => {
    writeFileSync(sigmoidFile(), edited());
    const { written, backups } = writeStubs(stubs, { root, force: true, now: new Date('2026-01-02T03:04:05.678Z') });
    expect(written.map((s) => s.file)).toEqual([sigmoidStub.file]);
    expect(backups).toEqual([path.join(STUBS_BACKUP_DIR, '2026-01-02T03-04-05-678Z', sigmoidStub.file)]);
    expect(readFileSync(path.join(root, backups[0]!), 'utf8')).toBe(edited());
    expect(readFileSync(sigmoidFile(), 'utf8')).toBe(sigmoidStub.content);
  });

  it('on the kit itself, stubs --check finds nothing to do and no backup was ever made', async () => {
    const { runCli } = await import('./helpers/cli');
    const result = runCli(['stubs', '--check']);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(kitPath(STUBS_BACKUP_DIR))).toBe(false);
  });
});

describe('verify and handout on a kit with edited exercises', () => {
  it('verify names the edited file and suggests no bare `backprop-kit stubs`', () => {
    writeFileSync(sigmoidFile(), edited());
    const item = verifyStubsInSync(root);
    expect(item.ok).toBe(false);
    expect(item.detail).toContain(sigmoidStub.file);
    expect(item.detail).toMatch(/handout/);
    expect(item.detail).not.toMatch(/run `?backprop-kit stubs`?(?! --force)/i);
  });

  it('verify says an untouched, out-of-date stub is safe to regenerate', () => {
    writeFileSync(sigmoidFile(), olderStub());
    const item = verifyStubsInSync(root);
    expect(item).toMatchObject({ ok: false });
    expect(item.detail).toContain(`out of date: ${sigmoidStub.file}`);
  });

  it('handout refuses an edited kit with the same message, naming the file', () => {
    writeFileSync(sigmoidFile(), edited());
    expect(() => assertStubsReady(root)).toThrow(expect.objectContaining({ code: 'EXERCISES_EDITED', message: expect.stringContaining(sigmoidStub.file) }));
    expect(() => assertStubsReady(path.join(temp, 'kit-0'))).not.toThrow();
  });
});

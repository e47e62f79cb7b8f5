import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KitError } from '../../grader/errors';
import { discoverSubmissions } from '../../grader/intake';
import { makeTempDir, removeTempDirs } from './fixtures';

afterEach(removeTempDirs);

async function expectKitError(promise: Promise<unknown>, code: string): Promise<KitError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KitError);
  const kitError = error as KitError;
  expect(kitError.code).toBe(code);
  return kitError;
}

describe('discoverSubmissions', () => {
  it('lists folders and zips sorted by id, and reports what it ignored', async () => {
    const dir = await makeTempDir();
    await mkdir(path.join(dir, 'zoe'));
    await mkdir(path.join(dir, 'Émile Durand'));
    await writeFile(path.join(dir, 'bob.zip'), 'not checked here');
    await writeFile(path.join(dir, 'carol.ZIP'), 'not checked here');
    await writeFile(path.join(dir, 'notes.txt'), 'instructor notes');
    await writeFile(path.join(dir, '.DS_Store'), '');
    await mkdir(path.join(dir, '.git'));
    await mkdir(path.join(dir, '__MACOSX'));
    await symlink(path.join(dir, 'zoe'), path.join(dir, 'mallory'));

    const { submissions, ignored } = await discoverSubmissions(dir);

    expect(submissions).toEqual([
      { id: 'bob', path: path.join(dir, 'bob.zip'), kind: 'zip' },
      { id: 'carol', path: path.join(dir, 'carol.ZIP'), kind: 'zip' },
      { id: 'zoe', path: path.join(dir, 'zoe'), kind: 'folder' },
      { id: 'Émile Durand', path: path.join(dir, 'Émile Durand'), kind: 'folder' },
    ]);
    expect(ignored.map((entry) => entry.name)).toEqual(['.DS_Store', '.git', '__MACOSX', 'mallory', 'notes.txt']);
    expect(ignored.find((entry) => entry.name === 'mallory')?.reason).toMatch(/symbolic link/);
  });

  it('refuses a folder that does not exist, saying what to pass instead', async () => {
    const missing = path.join(await makeTempDir(), 'no-such-folder');
    const error = await expectKitError(discoverSubmissions(missing), 'SUBMISSIONS_NOT_FOUND');
    expect(error.message).toContain(missing);
    expect(error.message).toMatch(/does not exist/);
    expect(error.nextStep).toMatch(/backprop-kit grade <submissions-dir>/);
  });

  it('refuses a file in place of the folder', async () => {
    const file = path.join(await makeTempDir(), 'alice.zip');
    await writeFile(file, '');
    const error = await expectKitError(discoverSubmissions(file), 'SUBMISSIONS_NOT_FOUND');
    expect(error.message).toMatch(/is a file, not a folder/);
    expect(error.nextStep).toMatch(/zip goes inside such a folder/);
  });

  it('refuses an empty folder, and one holding no submissions, naming what it holds', async () => {
    const empty = await makeTempDir();
    const error = await expectKitError(discoverSubmissions(empty), 'SUBMISSIONS_NOT_FOUND');
    expect(error.message).toMatch(/it is empty/);
    expect(error.nextStep).toMatch(/one folder or \.zip per student/);

    await writeFile(path.join(empty, 'grades.csv'), '');
    const onlyOther = await expectKitError(discoverSubmissions(empty), 'SUBMISSIONS_NOT_FOUND');
    expect(onlyOther.message).toMatch(/holds only grades\.csv/);
  });

  it('refuses two submissions with the same id', async () => {
    const dir = await makeTempDir();
    await mkdir(path.join(dir, 'alice'));
    await writeFile(path.join(dir, 'alice.zip'), '');
    await mkdir(path.join(dir, 'bob'));
    const error = await expectKitError(discoverSubmissions(dir), 'SUBMISSIONS_DUPLICATE_ID');
    expect(error.message).toMatch(/has the id alice /);
    expect(error.nextStep).toMatch(/one submission per student/);
  });
});

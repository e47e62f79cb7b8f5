import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSubmission, type ExerciseFile, type Submission } from '../../grader/intake';
import { exerciseFiles, makeTempDir, removeTempDirs, sourceOf, trackIds, writeFiles, type Files } from './fixtures';

afterEach(removeTempDirs);

/** Writes `files` as a student's folder named `id` and reads it. */
async function readFolder(files: Files, id = 'alice', limits = {}): Promise<Submission> {
  const folder = path.join(await makeTempDir(), id);
  await mkdir(folder);
  await writeFiles(folder, files);
  return readSubmission({ id, path: folder, kind: 'folder' }, limits);
}

const statuses = (submission: Submission): string[] => Object.values(submission.exercises).map((file) => file.status);

function expectAllOk(submission: Submission, root: string): void {
  expect(submission.fatal).toBeUndefined();
  expect(submission.foundAt).toBe(root);
  expect(Object.keys(submission.exercises)).toEqual(trackIds);
  for (const id of trackIds) {
    const file = submission.exercises[id]!;
    expect(file.status, id).toBe('ok');
    if (file.status === 'ok') expect(file.content).toBe(sourceOf(id));
  }
}

describe('readSubmission on a folder: where the exercises are', () => {
  it('reads exercises/NN-name/name.ts, the expected layout, without a note', async () => {
    const submission = await readFolder({ ...exerciseFiles('exercises'), 'README.md': '# mine' });
    expectAllOk(submission, 'exercises');
    expect(submission.exercises['04-softmax']).toMatchObject({ path: 'exercises/04-softmax/softmax.ts', bytes: Buffer.byteLength(sourceOf('04-softmax')) });
    expect(submission.notes).toEqual([]);
    expect(submission.extraFiles).toEqual(['README.md']);
  });

  it('reads NN-name/ folders at the top, and says so', async () => {
    const submission = await readFolder(exerciseFiles(''));
    expectAllOk(submission, '');
    expect(submission.notes.join('\n')).toMatch(/at the top of your submission instead of inside exercises\//);
  });

  it('reads a submission nested in one folder (the folder zipped instead of its contents)', async () => {
    const submission = await readFolder(exerciseFiles('alice-backprop/exercises'));
    expectAllOk(submission, 'alice-backprop/exercises');
    expect(submission.notes).toContain('Your exercises were inside the folder alice-backprop/; they were graded from there.');
  });

  it('reads exercises a few folders down, and none beyond maxDepth', async () => {
    const deep = await readFolder(exerciseFiles('a/b/c/exercises'));
    expectAllOk(deep, 'a/b/c/exercises');
    const tooDeep = await readFolder(exerciseFiles('a/b/c/d/exercises'));
    expect(tooDeep.fatal?.code).toBe('no-exercises');
    expect(tooDeep.foundAt).toBeNull();
  });

  it('grades the folder with the most exercise files and notes the other', async () => {
    const submission = await readFolder({
      ...exerciseFiles('exercises', ['01-linear-forward']),
      ...exerciseFiles('final/exercises'),
    });
    expectAllOk(submission, 'final/exercises');
    expect(submission.notes).toContain('Exercise files were also found in exercises/ (1 of them); only those in final/exercises/ were graded.');
    expect(submission.extraFiles).toEqual(['exercises/01-linear-forward/linear-forward.ts']);
  });

  it('prefers exercises/ over an equally full copy elsewhere, even one less deep', async () => {
    const submission = await readFolder({ ...exerciseFiles(''), ...exerciseFiles('exercises'), ...exerciseFiles('backup/exercises') });
    expectAllOk(submission, 'exercises');
    expect(submission.notes).toEqual([
      'Exercise files were also found at the top of your submission (16 of them); only those in exercises/ were graded.',
      'Exercise files were also found in backup/exercises/ (16 of them); only those in exercises/ were graded.',
    ]);
  });

  it('prefers the shallower of two equally full copies', async () => {
    const submission = await readFolder({ ...exerciseFiles('aa/bb/work'), ...exerciseFiles('zz/work') });
    expectAllOk(submission, 'zz/work');
    expect(submission.notes[0]).toBe('Your exercise folders were in zz/work/ instead of exercises/; they were graded from there.');
  });

  it('does not search node_modules, .git or dot-folders', async () => {
    const submission = await readFolder({
      ...exerciseFiles('node_modules/exercises'),
      ...exerciseFiles('.git/exercises'),
      ...exerciseFiles('.backup/exercises'),
      ...exerciseFiles('exercises', ['02-relu']),
    });
    expect(submission.foundAt).toBe('exercises');
    expect(statuses(submission).filter((status) => status === 'ok')).toHaveLength(1);
    expect(submission.extraFiles).toEqual([]);
  });

  it('reports no-exercises, listing what it found, when there are none', async () => {
    const submission = await readFolder({ 'softmax.ts': 'x', 'notes.md': 'y' });
    expect(submission.fatal?.code).toBe('no-exercises');
    expect(submission.fatal?.message).toMatch(/exercises\/01-linear-forward\/linear-forward\.ts/);
    expect(submission.fatal?.message).toMatch(/It holds: notes\.md, softmax\.ts\./);
    expect(statuses(submission)).toEqual(trackIds.map(() => 'missing'));
    expect(submission.extraFiles).toEqual(['notes.md', 'softmax.ts']);
  });
});

describe('readSubmission on a folder: each file', () => {
  it('marks missing files missing and reads the others', async () => {
    const files = exerciseFiles('exercises');
    delete files['exercises/03-sigmoid/sigmoid.ts'];
    const submission = await readFolder({ ...files, 'exercises/03-sigmoid/Sigmoid.ts': 'x' });
    expect(submission.exercises['03-sigmoid']).toEqual({ status: 'missing' });
    expect(statuses(submission).filter((status) => status === 'ok')).toHaveLength(trackIds.length - 1);
    expect(submission.notes).toContain('exercises/03-sigmoid/ has no sigmoid.ts (it holds: Sigmoid.ts); the file must be named exactly sigmoid.ts.');
  });

  it('refuses bytes that are not UTF-8, naming the line', async () => {
    const latin1 = Buffer.concat([Buffer.from('// ok\n// caf'), Buffer.from([0xe9]), Buffer.from('\nexport {};\n')]);
    const submission = await readFolder({ ...exerciseFiles('exercises'), 'exercises/02-relu/relu.ts': latin1 });
    const relu = submission.exercises['02-relu'] as Extract<ExerciseFile, { status: 'unreadable' }>;
    expect(relu).toMatchObject({ status: 'unreadable', reason: 'not-utf8', path: 'exercises/02-relu/relu.ts' });
    expect(relu.message).toMatch(/not valid UTF-8.*line 2/);
    expect(submission.exercises['01-linear-forward']?.status).toBe('ok');
  });

  it('says so when a file is saved as UTF-16', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('export {};', 'utf16le')]);
    const submission = await readFolder({ 'exercises/02-relu/relu.ts': utf16 });
    expect(submission.exercises['02-relu']).toMatchObject({ reason: 'not-utf8', message: expect.stringMatching(/UTF-16/) });
  });

  it('strips a UTF-8 byte order mark, counting its bytes', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('export const x = 1;\n')]);
    const submission = await readFolder({ 'exercises/02-relu/relu.ts': withBom });
    expect(submission.exercises['02-relu']).toEqual({ status: 'ok', content: 'export const x = 1;\n', path: 'exercises/02-relu/relu.ts', bytes: withBom.length });
  });

  it('refuses a file over maxFileBytes, and reads one exactly at it', async () => {
    const submission = await readFolder({ 'exercises/02-relu/relu.ts': 'x'.repeat(101), 'exercises/03-sigmoid/sigmoid.ts': 'y'.repeat(100) }, 'alice', { maxFileBytes: 100 });
    expect(submission.exercises['02-relu']).toMatchObject({ status: 'unreadable', reason: 'too-large', message: expect.stringMatching(/larger than 100 bytes/) });
    expect(submission.exercises['03-sigmoid']).toMatchObject({ status: 'ok', bytes: 100 });
  });

  it('refuses a file over the default 256 KiB', async () => {
    const submission = await readFolder({ 'exercises/02-relu/relu.ts': 'x'.repeat(256 * 1024 + 1) });
    expect(submission.exercises['02-relu']).toMatchObject({ reason: 'too-large', message: expect.stringMatching(/256 KiB/) });
  });

  it('reads an empty file as empty', async () => {
    const submission = await readFolder({ 'exercises/02-relu/relu.ts': '' });
    expect(submission.exercises['02-relu']).toEqual({ status: 'ok', content: '', path: 'exercises/02-relu/relu.ts', bytes: 0 });
  });

  it('reports a folder where a file should be', async () => {
    const submission = await readFolder({ 'exercises/02-relu/relu.ts/index.ts': 'x' });
    expect(submission.exercises['02-relu']).toMatchObject({ status: 'unreadable', reason: 'not-a-file', path: 'exercises/02-relu/relu.ts' });
  });
});

describe('readSubmission on a folder: symbolic links are never followed', () => {
  it('does not read a linked file pointing outside the submission', async () => {
    const outside = path.join(await makeTempDir(), 'secret.ts');
    await writeFile(outside, 'export const secret = "SECRET-OF-ANOTHER-STUDENT";');
    const submission = await readFolder({ ...exerciseFiles('exercises'), 'exercises/02-relu/relu.ts': { symlink: outside } });
    expect(submission.exercises['02-relu']).toMatchObject({ status: 'unreadable', reason: 'symlink', path: 'exercises/02-relu/relu.ts' });
    expect(JSON.stringify(submission)).not.toContain('SECRET-OF-ANOTHER-STUDENT');
    expect(submission.exercises['01-linear-forward']?.status).toBe('ok');
  });

  it('does not enter a linked exercise folder', async () => {
    const outside = await makeTempDir();
    await writeFiles(outside, { 'relu.ts': 'export const secret = "SECRET-OF-ANOTHER-STUDENT";' });
    const submission = await readFolder({ ...exerciseFiles('exercises', ['01-linear-forward']), 'exercises/02-relu': { symlink: outside } });
    expect(submission.exercises['02-relu']).toMatchObject({ status: 'unreadable', reason: 'symlink', path: 'exercises/02-relu' });
    expect(JSON.stringify(submission)).not.toContain('SECRET-OF-ANOTHER-STUDENT');
  });

  it('does not enter a linked exercises folder, and says why nothing was found', async () => {
    const outside = await makeTempDir();
    await writeFiles(outside, exerciseFiles(''));
    const submission = await readFolder({ exercises: { symlink: outside } });
    expect(submission.fatal?.code).toBe('no-exercises');
    expect(submission.notes).toContain('exercises is a symbolic link; the grader does not follow links.');
  });

  it('refuses a submission folder that is itself a link', async () => {
    const real = await makeTempDir();
    await writeFiles(real, exerciseFiles('exercises'));
    const link = path.join(await makeTempDir(), 'alice');
    await symlink(real, link);
    const submission = await readSubmission({ id: 'alice', path: link, kind: 'folder' });
    expect(submission.fatal?.code).toBe('unreadable');
    expect(statuses(submission)).toEqual(trackIds.map(() => 'missing'));
  });
});

describe('readSubmission on a folder: ids and results', () => {
  it('keeps odd ids as they are', async () => {
    for (const id of ['Anna Maria Lee', 'José 学生', '...', 'é'.repeat(120)]) {
      const submission = await readFolder(exerciseFiles('exercises', ['02-relu']), id);
      expect(submission.id).toBe(id);
      expect(submission.source.id).toBe(id);
      expect(submission.exercises['02-relu']?.status).toBe('ok');
    }
  });

  it('gives the same result, hash included, for the same files', async () => {
    const files = { ...exerciseFiles('work/exercises', ['02-relu', '05-cross-entropy']), 'work/z.md': '', 'work/a.md': '' };
    const first = await readFolder(files);
    const second = await readFolder(files);
    expect({ ...second, source: first.source }).toEqual(first);
    expect(first.extraFiles).toEqual(['work/a.md', 'work/z.md']);
    expect(first.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes the hash when an exercise file changes, and not for other files', async () => {
    const files = exerciseFiles('exercises', ['02-relu']);
    const before = await readFolder(files);
    const otherFile = await readFolder({ ...files, 'notes.md': 'changed' });
    const edited = await readFolder({ ...files, 'exercises/02-relu/relu.ts': 'export const solved = 2;' });
    const moved = await readFolder(exerciseFiles('', ['02-relu']));
    expect(otherFile.contentHash).toBe(before.contentHash);
    expect(edited.contentHash).not.toBe(before.contentHash);
    expect(moved.contentHash).not.toBe(before.contentHash);
  });

  it('caps the list of extra files and says how many there were', async () => {
    const clutter = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`data/${String(i).padStart(2, '0')}.csv`, '']));
    const submission = await readFolder({ ...exerciseFiles('exercises', ['02-relu']), ...clutter });
    expect(submission.extraFiles).toHaveLength(50);
    expect(submission.extraFiles[0]).toBe('data/00.csv');
    expect(submission.notes).toContain('60 other files were present; the first 50 are listed.');
  });
});

describe('readSubmission on odd sources', () => {
  it('reports a source that does not exist as unreadable instead of throwing', async () => {
    const missing = path.join(await makeTempDir(), 'gone');
    const submission = await readSubmission({ id: 'gone', path: missing, kind: 'folder' });
    expect(submission.fatal).toEqual({ code: 'unreadable', message: expect.stringMatching(/ENOENT/) });
  });

  it('reports a file given as a folder', async () => {
    const file = path.join(await makeTempDir(), 'alice');
    await writeFile(file, 'x');
    const submission = await readSubmission({ id: 'alice', path: file, kind: 'folder' });
    expect(submission.fatal?.code).toBe('unreadable');
  });
});

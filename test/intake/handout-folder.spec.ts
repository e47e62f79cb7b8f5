/**
 * A student hands in the whole handout folder, zipped, as its README says ("this folder,
 * or a .zip of it, without node_modules/"): the handout's own READMEs, hints, specs, docs
 * and tools are recognised, not listed as the student's other files, and no layout note is
 * needed. A file the student added is still listed. The handout is a real one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHandout } from '../../grader/handout';
import { readSubmission, type Submission } from '../../grader/intake';
import { isHandoutFile } from '../../grader/intake/handout-files';
import { makeTempDir, removeTempDirs, type Files, zipOf } from './fixtures';
import { writeFile } from 'node:fs/promises';

afterAll(removeTempDirs);
let handoutFiles: Files = {};

beforeAll(async () => {
  const dir = path.join(await makeTempDir(), 'course');
  buildHandout(dir);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) handoutFiles[path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')] = readFileSync(path.join(entry.parentPath, entry.name));
  }
}, 120_000);

async function readZip(files: Files): Promise<Submission> {
  const file = path.join(await makeTempDir(), 'ada.zip');
  await writeFile(file, await zipOf(files));
  return readSubmission({ id: 'ada', path: file, kind: 'zip' });
}
const under = (folder: string, files: Files): Files => Object.fromEntries(Object.entries(files).map(([p, c]) => [folder ? `${folder}/${p}` : p, c]));

describe('a handout folder handed in whole', () => {
  it('every file a handout brings is recognised as the handout’s', () => {
    const files = Object.keys(handoutFiles).filter((f) => !f.startsWith('.'));
    expect(files.length).toBeGreaterThan(60);
    expect(files.filter((f) => !isHandoutFile(f) && !/^exercises\/\d\d-[^/]+\/[^/]+(?<!\.spec)\.ts$/.test(f))).toEqual([]);
  });

  it.each([
    ['the folder zipped (course/…)', 'course'],
    ['its contents zipped', ''],
  ])('%s: no other files listed, no notes, every exercise read', async (_, folder) => {
    const submission = await readZip(under(folder, handoutFiles));
    expect(submission.fatal).toBeUndefined();
    expect(submission.foundAt).toBe(folder ? `${folder}/exercises` : 'exercises');
    expect(submission.extraFiles).toEqual([]);
    expect(submission.notes).toEqual([]);
    expect(Object.values(submission.exercises).every((e) => e.status === 'ok')).toBe(true);
  });

  it('a file the student added is still listed, and a README outside the course folder is not the handout’s', async () => {
    const submission = await readZip({ ...under('course', handoutFiles), 'course/notes.txt': 'mine', 'README.md': 'top' });
    expect(submission.extraFiles).toEqual(['README.md', 'course/notes.txt']);
  });

  it('a bare exercises folder elsewhere still gets its layout note', async () => {
    const exercisesOnly = Object.fromEntries(Object.entries(handoutFiles).filter(([p]) => p.startsWith('exercises/')));
    const submission = await readZip(under('stuff', exercisesOnly));
    expect(submission.notes).toContainEqual('Your exercises were inside the folder stuff/; they were graded from there.');
  });
});

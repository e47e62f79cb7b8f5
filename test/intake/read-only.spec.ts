import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { discoverSubmissions, readSubmission } from '../../grader/intake';
import { exerciseFiles, fingerprintTree, makeTempDir, removeTempDirs, writeFiles, zipOf } from './fixtures';

afterEach(removeTempDirs);

it('leaves the submissions folder byte for byte as it was', async () => {
  const dir = await makeTempDir();
  const outside = path.join(await makeTempDir(), 'secret.ts');
  await writeFile(outside, 'export const secret = 1;');
  await writeFiles(path.join(dir, 'alice'), {
    ...exerciseFiles('exercises'),
    'exercises/02-relu/relu.ts': Buffer.from([0xff, 0xfe, 0x00]),
    'exercises/03-sigmoid/sigmoid.ts': { symlink: outside },
    'exercises/04-softmax/softmax.ts': 'x'.repeat(300 * 1024),
    'node_modules/x/index.js': '',
  });
  await writeFiles(path.join(dir, 'bob'), exerciseFiles('nested/exercises', ['01-linear-forward']));
  await mkdir(path.join(dir, 'empty'));
  await writeFile(path.join(dir, 'carol.zip'), await zipOf({ ...exerciseFiles('carol'), 'carol/link': { symlink: '/etc/passwd' } }));
  await writeFile(path.join(dir, 'dave.zip'), 'not a zip');
  await writeFile(path.join(dir, 'notes.txt'), 'ignored');
  const before = await fingerprintTree(dir);

  const { submissions } = await discoverSubmissions(dir);
  const results = await Promise.all(submissions.map((source) => readSubmission(source)));

  expect(results.map((r) => [r.id, r.fatal?.code ?? r.foundAt])).toEqual([
    ['alice', 'exercises'],
    ['bob', 'nested/exercises'],
    ['carol', 'carol'],
    ['dave', 'zip-corrupt'],
    ['empty', 'no-exercises'],
  ]);
  expect(await fingerprintTree(dir)).toEqual(before);
  expect(before.length).toBeGreaterThan(40);
});

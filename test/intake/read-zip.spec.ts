import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readSubmission, type Submission } from '../../grader/intake';
import { exerciseFiles, makeTempDir, removeTempDirs, sourceOf, trackIds, writeFiles, zipBomb, zipOf, type Files } from './fixtures';

afterEach(removeTempDirs);

async function readZipBytes(bytes: Buffer, limits = {}): Promise<Submission> {
  const file = path.join(await makeTempDir(), 'alice.zip');
  await writeFile(file, bytes);
  return readSubmission({ id: 'alice', path: file, kind: 'zip' }, limits);
}

const readZip = async (files: Files, limits = {}): Promise<Submission> => readZipBytes(await zipOf(files), limits);

/** Same-length renaming inside a built zip, to write names that zip tools refuse to write. */
function renameEntries(zip: Buffer, from: string, to: string): Buffer {
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  const patched = Buffer.from(zip);
  let at = patched.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  for (; at >= 0; at = patched.indexOf(from, at + 1)) patched.write(to, at);
  return patched;
}

const okCount = (submission: Submission): number => Object.values(submission.exercises).filter((file) => file.status === 'ok').length;

describe('readSubmission on a zip: layouts', () => {
  it.each([
    ['exercises/ at the top', 'exercises'],
    ['NN-name/ folders at the top', ''],
    ['the folder zipped instead of its contents', 'alice/exercises'],
    ['exercises a few folders down', 'home/alice/course/exercises'],
  ])('reads %s', async (_, root) => {
    const submission = await readZip({ ...exerciseFiles(root), 'README.md': 'hi' });
    expect(submission.fatal).toBeUndefined();
    expect(submission.foundAt).toBe(root);
    expect(okCount(submission)).toBe(trackIds.length);
    expect(submission.exercises['04-softmax']).toMatchObject({ content: sourceOf('04-softmax'), path: [root, '04-softmax/softmax.ts'].filter(Boolean).join('/') });
    expect(submission.extraFiles).toEqual(['README.md']);
  });

  it('gives the same result as the same files in a folder', async () => {
    const files: Files = { ...exerciseFiles('work/exercises', ['01-linear-forward', '16-training-loop']), 'work/notes.md': 'x', 'work/exercises/02-relu/relu.ts': Buffer.from([0xff]) };
    const fromZip = await readZip(files);
    const folder = path.join(await makeTempDir(), 'alice');
    await mkdir(folder);
    await writeFiles(folder, files);
    const fromFolder = await readSubmission({ id: 'alice', path: folder, kind: 'folder' });
    expect({ ...fromZip, source: null }).toEqual({ ...fromFolder, source: null });
  });

  it('accepts directory entries, "./" prefixes and Windows backslashes', async () => {
    const zip = await zipOf({ 'exercises/': '', 'exercises/02-relu/': '', 'z/exercises/01-linear-forward/linear-forward.ts': sourceOf('01-linear-forward'), 'exercises/02-relu/relu.ts': sourceOf('02-relu') });
    const withDotPrefix = renameEntries(zip, 'z/exercises', './exercises');
    const submission = await readZipBytes(renameEntries(withDotPrefix, 'exercises/02-relu/relu.ts', 'exercises\\02-relu\\relu.ts'));
    expect(submission.fatal).toBeUndefined();
    expect(submission.exercises['01-linear-forward']).toMatchObject({ status: 'ok', path: 'exercises/01-linear-forward/linear-forward.ts' });
    expect(submission.exercises['02-relu']).toMatchObject({ status: 'ok', path: 'exercises/02-relu/relu.ts' });
  });

  it('does not count node_modules against the entry limit, nor read it', async () => {
    const nodeModules = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`node_modules/pkg${i}/index.js`, 'x'.repeat(1000)]));
    const submission = await readZip({ ...exerciseFiles('exercises', ['02-relu']), ...nodeModules, '__MACOSX/exercises/._x': '' }, { maxZipEntries: 5, maxZipTotalBytes: 5000 });
    expect(submission.fatal).toBeUndefined();
    expect(submission.extraFiles).toEqual([]);
    expect(okCount(submission)).toBe(1);
  });

  it('refuses a zip with more entries than maxZipEntries', async () => {
    const submission = await readZip({ ...exerciseFiles('exercises', ['02-relu', '03-sigmoid']), 'a.md': '' }, { maxZipEntries: 2 });
    expect(submission.fatal).toEqual({ code: 'zip-too-large', message: expect.stringMatching(/more than 2 entries/) });
  });

  it('keeps the first of two entries with the same name, and says so', async () => {
    const zip = await zipOf({ 'exercises/02-relu/relu.ts': 'export const first = 1;', 'exercises/02-relu/relX.ts': 'export const second = 2;' });
    const submission = await readZipBytes(renameEntries(zip, 'relX.ts', 'relu.ts'));
    expect(submission.exercises['02-relu']).toMatchObject({ status: 'ok', content: 'export const first = 1;' });
    expect(submission.notes).toContain('The zip holds exercises/02-relu/relu.ts more than once; the first copy was used.');
  });
});

describe('readSubmission on a zip: files', () => {
  it('marks missing, too large, not-UTF-8 and BOM files as a folder would', async () => {
    const submission = await readZip(
      {
        'exercises/02-relu/relu.ts': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('export {};')]),
        'exercises/03-sigmoid/sigmoid.ts': Buffer.from([0x2f, 0x2f, 0xc3]),
        'exercises/04-softmax/softmax.ts': 'x'.repeat(2000),
        'exercises/05-cross-entropy/cross-entropy.ts': '',
      },
      { maxFileBytes: 1000 },
    );
    expect(submission.exercises['01-linear-forward']).toEqual({ status: 'missing' });
    expect(submission.exercises['02-relu']).toEqual({ status: 'ok', content: 'export {};', path: 'exercises/02-relu/relu.ts', bytes: 13 });
    expect(submission.exercises['03-sigmoid']).toMatchObject({ status: 'unreadable', reason: 'not-utf8' });
    expect(submission.exercises['04-softmax']).toMatchObject({ status: 'unreadable', reason: 'too-large' });
    expect(submission.exercises['05-cross-entropy']).toMatchObject({ status: 'ok', content: '' });
  });

  it('treats a symlink entry as a link: its target is never read', async () => {
    const submission = await readZip({ ...exerciseFiles('exercises', ['01-linear-forward']), 'exercises/02-relu/relu.ts': { symlink: '/etc/passwd' }, 'exercises/03-sigmoid': { symlink: '../../bob/exercises/03-sigmoid' } });
    expect(submission.exercises['01-linear-forward']?.status).toBe('ok');
    expect(submission.exercises['02-relu']).toMatchObject({ status: 'unreadable', reason: 'symlink', path: 'exercises/02-relu/relu.ts' });
    expect(submission.exercises['03-sigmoid']).toMatchObject({ status: 'unreadable', reason: 'symlink', path: 'exercises/03-sigmoid' });
    expect(JSON.stringify(submission)).not.toContain('/etc/passwd');
  });
});

describe('readSubmission on a zip: broken and hostile zips', () => {
  it('reports a file that is not a zip as zip-corrupt, with the reason', async () => {
    const submission = await readZipBytes(Buffer.from('this is a Word document, honestly'));
    expect(submission.fatal).toEqual({ code: 'zip-corrupt', message: expect.stringMatching(/^The zip could not be read: End of central directory record signature not found\. Either not a zip file, or file is truncated\. Make the zip again/) });
    expect(submission.foundAt).toBeNull();
  });

  it('reports a truncated zip as zip-corrupt', async () => {
    const zip = await zipOf(exerciseFiles('exercises'));
    const submission = await readZipBytes(zip.subarray(0, Math.floor(zip.length / 2)));
    expect(submission.fatal?.code).toBe('zip-corrupt');
  });

  it('reports a damaged central directory as zip-corrupt', async () => {
    const zip = await zipOf(exerciseFiles('exercises', ['02-relu']));
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(0xdeadbeef, central);
    const submission = await readZipBytes(zip);
    expect(submission.fatal).toEqual({ code: 'zip-corrupt', message: expect.stringMatching(/central directory file header signature/) });
  });

  it('reports an empty zip as having no exercises', async () => {
    const submission = await readZip({});
    expect(submission.fatal?.code).toBe('no-exercises');
  });

  it.each([
    ['../evil.ts', 'zz/evil.ts'],
    ['exercises/../../evil.ts', 'exercises/zz/zz/evil.ts'],
    ['/etc/evil.ts', 'zetc/evil.ts'],
    ['..\\evil.ts', 'zzzevil.ts'],
    ['C:/evil.ts', 'zz/evil.ts'],
  ])('refuses the entry %s as zip-unsafe-path, naming it', async (unsafe, placeholder) => {
    const zip = await zipOf({ ...exerciseFiles('exercises', ['02-relu']), [placeholder]: 'export const stolen = 1;' });
    const submission = await readZipBytes(renameEntries(zip, placeholder, unsafe));
    expect(submission.fatal?.code).toBe('zip-unsafe-path');
    expect(submission.fatal?.message).toContain(`"${unsafe.replace('\\', '/')}"`);
    expect(Object.values(submission.exercises).every((file) => file.status === 'missing')).toBe(true);
  });
});

describe('readSubmission on a zip bomb', () => {
  const BOMB_MEGABYTES = 200;
  let bomb: Buffer;
  beforeAll(async () => {
    bomb = await zipBomb('exercises/01-linear-forward/linear-forward.ts', BOMB_MEGABYTES);
  });

  /** Runs `read` while sampling the resident memory, and returns how much it grew at most. */
  async function peakMemoryGrowth(read: () => Promise<Submission>): Promise<{ submission: Submission; growth: number; ms: number }> {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
    const start = performance.now();
    try {
      const submission = await read();
      peak = Math.max(peak, process.memoryUsage().rss);
      return { submission, growth: peak - before, ms: performance.now() - start };
    } finally {
      clearInterval(sampler);
    }
  }

  it('is small on disk and declares its full size', () => {
    const central = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(bomb.readUInt32LE(central + 24)).toBe(BOMB_MEGABYTES * 1024 * 1024);
  });

  it('stops a bomb that declares 200 MiB quickly, with modest memory', async () => {
    const { submission, growth, ms } = await peakMemoryGrowth(() => readZipBytes(bomb));
    expect(submission.fatal).toEqual({ code: 'zip-too-large', message: expect.stringMatching(/more than 50 MiB once unzipped/) });
    expect(ms).toBeLessThan(1000);
    expect(growth).toBeLessThan(32 * 1024 * 1024);
  });

  it('stops a bomb that lies about its size as it inflates, with modest memory', async () => {
    const liar = Buffer.from(bomb);
    const central = liar.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    liar.writeUInt32LE(100, central + 24); // uncompressed size claimed in the central directory
    const { submission, growth, ms } = await peakMemoryGrowth(() => readZipBytes(liar, { maxFileBytes: 1024 * 1024 * 1024 }));
    expect(submission.fatal?.code).toBe('zip-corrupt');
    expect(submission.fatal?.message).toMatch(/too many bytes in the stream/);
    expect(ms).toBeLessThan(1000);
    expect(growth).toBeLessThan(32 * 1024 * 1024);
  });
});

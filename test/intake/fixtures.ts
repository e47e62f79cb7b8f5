/** Builds submissions on disk for the intake tests: folders, zips (with yazl) and a tree fingerprint. */
import { createHash } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import yazl from 'yazl';
import { loadTrack } from '../../grader/track';

export const track = loadTrack();
export const trackIds = track.map((exercise) => exercise.id);

export type FileSpec = string | Buffer | { symlink: string };
export type Files = Record<string, FileSpec>;

/** Exercise sources under `root` ('' for the top), each naming its exercise so mix-ups show. */
export function exerciseFiles(root: string, ids: string[] = trackIds): Files {
  const files: Files = {};
  for (const exercise of track.filter((e) => ids.includes(e.id))) {
    files[[root, exercise.id, exercise.file].filter(Boolean).join('/')] = sourceOf(exercise.id);
  }
  return files;
}

export const sourceOf = (exerciseId: string): string => `// ${exerciseId}\nexport const solved = '${exerciseId}';\n`;

/** A fresh folder under the system temp dir; removeTempDirs() deletes every one made. */
const made: string[] = [];
export async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'intake-spec-'));
  made.push(dir);
  return dir;
}
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export async function writeFiles(root: string, files: Files): Promise<void> {
  for (const [relative, spec] of Object.entries(files)) {
    const target = path.join(root, relative);
    await mkdir(path.dirname(target), { recursive: true });
    if (typeof spec === 'object' && 'symlink' in spec) await symlink(spec.symlink, target);
    else await writeFile(target, spec);
  }
}

/** A zip of `files`, made in memory; directory entries are added for names ending in '/'. */
export async function zipOf(files: Files): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, spec] of Object.entries(files)) {
    if (name.endsWith('/')) zip.addEmptyDirectory(name);
    else if (typeof spec === 'object' && 'symlink' in spec) zip.addBuffer(Buffer.from(spec.symlink), name, { mode: 0o120777 });
    else zip.addBuffer(Buffer.from(spec), name);
  }
  zip.end();
  return buffer(zip.outputStream);
}

/** A zip whose one entry inflates to `megabytes` MiB of zeros while weighing about 1/1000 of that. */
export async function zipBomb(name: string, megabytes: number): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const megabyte = Buffer.alloc(1024 * 1024);
  let sent = 0;
  const zeros = new Readable({ read: () => void zeros.push(sent++ < megabytes ? megabyte : null) });
  zip.addReadStream(zeros, name);
  zip.end();
  return buffer(zip.outputStream);
}

/** Every entry under root, links not followed: type, mode, size, mtime, content hash, link target. */
export async function fingerprintTree(root: string): Promise<string[]> {
  const lines: string[] = [];
  const visit = async (relative: string): Promise<void> => {
    const full = path.join(root, relative);
    const stats = await lstat(full);
    const base = `${relative} mode=${stats.mode.toString(8)} size=${stats.size} mtime=${stats.mtimeMs}`;
    if (stats.isSymbolicLink()) lines.push(`${base} -> ${await readlink(full)}`);
    else if (stats.isFile()) lines.push(`${base} sha256=${createHash('sha256').update(await readFile(full)).digest('hex')}`);
    else if (stats.isDirectory()) {
      lines.push(base);
      for (const name of (await readdir(full)).sort()) await visit(path.join(relative, name));
    }
  };
  await visit('');
  return lines;
}

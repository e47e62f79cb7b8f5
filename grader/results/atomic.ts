/**
 * Writes a file so that a reader (or a run killed with kill -9) sees either the old
 * content or the new one, never half a file: write a temporary file beside it, then rename
 * it over the target. The durable variant also flushes the data to disk before the rename,
 * so it survives a crash of the machine too (used for the records; reports are rebuilt
 * from them); it is asynchronous, so the wait for the disk does not hold up grading.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const temporaryName = (file: string): string => `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
const TEMPORARY = /\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes the temporary files a killed run left under `dir` (a kill -9 between writing a
 * file and renaming it): those of processes that are no longer running.
 */
export function removeStaleTemporaries(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const match = entry.isFile() ? TEMPORARY.exec(entry.name) : null;
    if (match && !isRunning(Number(match[1]))) rmSync(path.join(entry.parentPath, entry.name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // running, as someone else
  }
}

export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = temporaryName(file);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export const writeJsonAtomic = (file: string, value: unknown): void => writeFileAtomic(file, toJson(value));

/** writeFileAtomic, with the data on disk before the rename. */
export async function writeFileDurable(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = temporaryName(file);
  try {
    await writeFile(temporary, content, { flush: true });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export const writeJsonDurable = (file: string, value: unknown): Promise<void> => writeFileDurable(file, toJson(value));

const toJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

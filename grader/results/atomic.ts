/**
 * Writes a file so that a reader (or a run killed with kill -9) sees either the old
 * content or the new one, never half a file: write a temporary file beside it, then rename
 * it over the target. With `durable`, the data is also flushed to disk before the rename,
 * so it survives a crash of the machine too (used for the records; reports are rebuilt
 * from them).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeFileAtomic(file: string, content: string, options: { durable?: boolean } = {}): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, content, { flush: options.durable ?? false });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export const writeJsonAtomic = (file: string, value: unknown, options: { durable?: boolean } = {}): void =>
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`, options);

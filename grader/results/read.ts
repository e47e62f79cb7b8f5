/** Reads the stored records of a report folder: <out>/students/<dir>/record.json. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RECORD_FORMAT, type StudentRecord } from './types';

export const recordPath = (outDir: string, dir: string): string => path.join(outDir, 'students', dir, 'record.json');

/** The record of this student in that folder, if there is one, whole, in this kit's format. */
export function readStudentRecord(outDir: string, dir: string, studentId: string): StudentRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(recordPath(outDir, dir), 'utf8')) as StudentRecord;
    return record.format === RECORD_FORMAT && record.studentId === studentId && record.dir === dir ? record : undefined;
  } catch {
    return undefined;
  }
}

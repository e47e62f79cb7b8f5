/** A fingerprint of what was read from a submission, so a resumed run can skip unchanged work. */
import { createHash } from 'node:crypto';
import type { ExerciseFile, Submission } from './types';

export function contentHash(exercises: Record<string, ExerciseFile>, fatal: Submission['fatal']): string {
  const hash = createHash('sha256');
  if (fatal) hash.update(`${JSON.stringify({ fatal })}\n`);
  // One JSON line per exercise: JSON strings are self-delimiting, so distinct inputs never run together.
  for (const id of Object.keys(exercises).sort()) hash.update(`${JSON.stringify({ id, ...exercises[id] })}\n`);
  return hash.digest('hex');
}

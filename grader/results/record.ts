/** Builds the stored record of one student from the intake, the worker's run and the config. */
import path from 'node:path';
import type { HiddenSpec } from '../checks/dsl';
import type { Submission } from '../intake';
import type { Misconception } from '../misconceptions/detect';
import type { StudentRun } from '../run/types';
import type { GradingConfig } from '../scoring/config';
import { round, scoreExercises, scoreIntegration } from '../scoring/score';
import type { Exercise } from '../track';
import type { GradedWith } from './graded-with';
import { RECORD_FORMAT, type ScoredExercise, type StudentRecord } from './types';

export interface RecordInputs {
  submission: Submission;
  dir: string;
  run: StudentRun;
  config: GradingConfig;
  track: Exercise[];
  specs: Map<string, HiddenSpec>;
  catalogue: Misconception[];
  inputHash: string;
  gradingMs: number;
  graderError?: string;
  gradedWith?: GradedWith;
}

export function buildRecord(inputs: RecordInputs): StudentRecord {
  const { submission, run, config, track } = inputs;
  const exercises = scoreExercises(run, config, track, inputs.specs, inputs.catalogue);
  const integration = scoreIntegration(run, config);
  return {
    format: RECORD_FORMAT,
    studentId: submission.id,
    dir: inputs.dir,
    submission: {
      kind: submission.source.kind,
      name: path.basename(submission.source.path),
      contentHash: submission.contentHash,
      foundAt: submission.foundAt,
      missing: track.filter((e) => submission.exercises[e.id]?.status === 'missing').map((e) => e.id),
      extraFiles: submission.extraFiles,
      notes: submission.notes,
      ...(submission.fatal ? { fatal: submission.fatal } : {}),
    },
    inputHash: inputs.inputHash,
    ...(inputs.gradedWith ? { gradedWith: inputs.gradedWith } : {}),
    ...recordTotals(exercises, integration),
    exercises,
    integration,
    limits: { timeoutMs: config.limits.timeoutMs, memoryMb: config.limits.memoryMb },
    ...(inputs.graderError ? { graderError: inputs.graderError } : {}),
    timing: { gradingMs: Math.round(inputs.gradingMs), gradedAt: new Date().toISOString() },
  };
}

/**
 * The most a record may take, as written (pretty-printed JSON). What a student's code
 * controls is bounded where it enters a result (grader/checks/bounded.ts), which keeps a
 * record of 16 exercises far below this; a record over it is refused, and that student is
 * not graded, rather than writing (or failing to write) a huge file.
 */
export const RECORD_LIMIT_BYTES = 1024 * 1024;

/** Throws, naming the size, if the record would be larger than RECORD_LIMIT_BYTES once written. */
export function checkRecordSize(record: StudentRecord): void {
  const bytes = Buffer.byteLength(JSON.stringify(record, null, 2));
  if (bytes > RECORD_LIMIT_BYTES) throw new RangeError(`its record would take ${bytes} bytes, more than the limit of ${RECORD_LIMIT_BYTES}`);
}

/** A record's total and maximum: its exercises and its integration run. */
export function recordTotals(exercises: ScoredExercise[], integration: { score: number; maxScore: number }): { score: number; maxScore: number } {
  const sum = (pick: (e: { score: number; maxScore: number }) => number) => round(exercises.reduce((s, e) => s + pick(e), 0));
  return { score: round(sum((e) => e.score) + integration.score), maxScore: round(sum((e) => e.maxScore) + integration.maxScore) };
}

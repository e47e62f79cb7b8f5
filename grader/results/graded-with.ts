/**
 * What a record was graded with, besides the submission: the kit, the grading config and the
 * course secret, each as a hash of its own, so that a regrade or a merge that finds records made
 * with something else can say which of the three differs. The secret is kept only as a slow,
 * salted hash (scrypt): records are handed around between machines.
 */
import { createHash, scryptSync } from 'node:crypto';
import type { GradingConfig } from '../scoring/config';

export interface GradedWith {
  kitVersion: string;
  /** hash of the grader code, hidden specs, solutions and misconception catalogue */
  kit: string;
  /** hash of the grading config, without its secret and report options */
  config: string;
  /** scrypt of the course secret */
  secret: string;
  /** false when no course secret was given (the public demo secret was used) */
  courseSecret: boolean;
}

export function gradedWith(inputs: { kitVersion: string; kitFingerprint: string; config: GradingConfig; secret: string; courseSecret: boolean }): GradedWith {
  return {
    kitVersion: inputs.kitVersion,
    kit: inputs.kitFingerprint,
    config: gradingConfigHash(inputs.config),
    secret: scryptSync(inputs.secret, 'backprop-kit course secret', 32).toString('hex'),
    courseSecret: inputs.courseSecret,
  };
}

/** The part of the config that decides a grade: not the secret itself (hashed on its own), not how reports look. */
export function gradingConfigOnly(config: GradingConfig): Omit<GradingConfig, 'secret' | 'reports'> {
  const { secret: _secret, reports: _reports, ...grading } = config;
  return grading;
}

const gradingConfigHash = (config: GradingConfig): string => createHash('sha256').update(JSON.stringify(gradingConfigOnly(config))).digest('hex');

/** Why records graded with `found` cannot be combined with `wanted`, in words; undefined when they can. */
export function gradedWithDifference(wanted: GradedWith, found: GradedWith | undefined): string | undefined {
  if (!found) return 'it was made by an earlier version of the kit, which did not record what it was graded with';
  const differences = [
    found.kit !== wanted.kit ? `a different kit (version ${found.kitVersion}${found.kitVersion === wanted.kitVersion ? ', changed since' : ''})` : '',
    found.config !== wanted.config ? 'a different grading config (points, limits or type checking)' : '',
    found.secret !== wanted.secret ? `a different course secret${found.courseSecret ? '' : ' (none: the public demo secret)'}` : '',
  ].filter(Boolean);
  return differences.length === 0 ? undefined : `it was graded with ${differences.join(', ')}`;
}

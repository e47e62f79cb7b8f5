/**
 * <out>/shard.json, written last by `grade --shard K/N`: which share of the class the folder
 * holds, its students, and what `merge` needs to build the class reports as one run would have
 * (the report options, the config file's name). Its presence marks a finished shard.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReportOptions } from '../reports/options';
import type { Shard } from '../run/shard';
import type { GradedWith } from './graded-with';

export const SHARD_MANIFEST = 'shard.json';
export const SHARD_MANIFEST_FORMAT = 1;

export interface ShardManifest {
  format: typeof SHARD_MANIFEST_FORMAT;
  shard: Shard;
  gradedWith: GradedWith;
  /** the --config file as given, or undefined for the kit's default */
  configFile?: string;
  /** --only, when the shard graded only some exercises */
  only?: string[];
  reports: ReportOptions;
  /** sorted by id */
  students: { id: string; dir: string }[];
}

export const shardManifestPath = (outDir: string): string => path.join(outDir, SHARD_MANIFEST);

/** The manifest of a shard folder, or why there is none. */
export function readShardManifest(outDir: string): ShardManifest | string {
  let text: string;
  try {
    text = readFileSync(shardManifestPath(outDir), 'utf8');
  } catch {
    return `${outDir} has no ${SHARD_MANIFEST}: it is not the folder of a finished \`grade --shard K/N\` run`;
  }
  try {
    const manifest = JSON.parse(text) as ShardManifest;
    if (manifest.format !== SHARD_MANIFEST_FORMAT || !manifest.shard || !Array.isArray(manifest.students) || !manifest.gradedWith) throw new Error('unknown format');
    return manifest;
  } catch {
    return `${shardManifestPath(outDir)} is not a shard manifest this kit can read`;
  }
}

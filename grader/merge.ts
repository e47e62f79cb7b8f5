/**
 * `backprop-kit merge DIR… --out DIR`: one class from the folders of `grade --shard K/N` runs.
 * The shards' per-student records are the source of truth: they are checked to come from one
 * kit, config and secret, to cover each shard of the same N once and each student once, then
 * copied and rendered into the same reports one run over the whole class writes.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { KitError } from './errors';
import { removeStaleTemporaries, writeJsonAtomic } from './results/atomic';
import { gradedWithDifference } from './results/graded-with';
import { readStudentRecord, recordPath } from './results/read';
import { namesOf } from './results/regrade';
import { readShardManifest, shardManifestPath, type ShardManifest } from './results/shard-manifest';
import type { StudentRecord } from './results/types';
import { writeClassReports, writeStudentReports } from './reports';
import { gradingFailed, sortRecords } from './reports/summary';
import { shardText } from './run/shard';

export interface MergeSummary {
  shards: number;
  students: number;
  meanScore: number;
  maxScore: number;
  failures: number;
  /** ids of the students that could not be read or graded */
  failed: string[];
  outDir: string;
}

const refuse = (message: string, nextStep: string): never => {
  throw new KitError('MERGE_REFUSED', message, nextStep);
};

export function mergeShards(dirs: string[], out: string): MergeSummary {
  const shardDirs = dirs.map((d) => path.resolve(d));
  const outDir = checkMergeOutput(path.resolve(out), shardDirs);
  const shards = readManifests(shardDirs);
  checkShardSet(shards);
  checkSameGrading(shards);
  const records = readRecords(shards);

  removeStaleTemporaries(outDir);
  rmSync(shardManifestPath(outDir), { force: true }); // the merged folder is a whole class, not a shard
  const reports = shards[0]!.manifest.reports;
  for (const record of records) {
    writeStudentReports(outDir, record, reports);
    writeJsonAtomic(recordPath(outDir, record.dir), record);
  }
  const configFiles = [...new Set(shards.map((s) => s.manifest.configFile ?? ''))];
  const summary = writeClassReports(outDir, records, reports, configFiles.length === 1 && configFiles[0] === '' ? {} : { configFile: configFiles.map((f) => f || 'the kit’s default').join(', ') });
  return {
    shards: shards.length,
    students: records.length,
    meanScore: summary.meanScore,
    maxScore: summary.maxScore,
    failures: summary.failures,
    failed: records.filter(gradingFailed).map((r) => r.studentId),
    outDir,
  };
}

interface ShardFolder {
  dir: string;
  manifest: ShardManifest;
}

function checkMergeOutput(outDir: string, shardDirs: string[]): string {
  for (const dir of shardDirs) {
    const relative = path.relative(dir, outDir);
    if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
      refuse(`the output folder ${outDir} is (inside) the shard folder ${dir}`, 'Write the merged reports to a folder of their own, e.g. --out reports');
    }
  }
  return outDir;
}

function readManifests(shardDirs: string[]): ShardFolder[] {
  const problems: string[] = [];
  const shards: ShardFolder[] = [];
  for (const dir of shardDirs) {
    const manifest = readShardManifest(dir);
    if (typeof manifest === 'string') problems.push(manifest);
    else shards.push({ dir, manifest });
  }
  if (problems.length > 0) refuse(problems.join('; '), 'Pass the --out folders of finished `backprop-kit grade --shard K/N` runs (a run that stopped early leaves none: run it again).');
  return shards;
}

/** One N, and each K of 1..N exactly once. */
function checkShardSet(shards: ShardFolder[]): void {
  const counts = [...new Set(shards.map((s) => s.manifest.shard.count))];
  if (counts.length > 1) {
    refuse(`the folders are shards of different splits (${shards.map((s) => `${s.dir}: ${shardText(s.manifest.shard)}`).join(', ')})`, 'Merge the shards of one split: the folders of --shard 1/N … N/N with the same N.');
  }
  const count = counts[0]!;
  for (let index = 1; index <= count; index++) {
    const given = shards.filter((s) => s.manifest.shard.index === index);
    if (given.length === 0) refuse(`shard ${index}/${count} is missing: without it, its students would be left out of the class`, `Pass the folders of all ${count} shards (--shard 1/${count} … ${count}/${count}).`);
    if (given.length > 1) refuse(`shard ${index}/${count} is given twice (${given.map((s) => s.dir).join(', ')}): its students overlap`, 'Pass each shard’s folder once.');
  }
}

/** The same kit, config and secret, the same exercises and report options, in every shard. */
function checkSameGrading(shards: ShardFolder[]): void {
  const [first, ...others] = shards;
  for (const shard of others) {
    const why = gradedWithDifference(first!.manifest.gradedWith, shard.manifest.gradedWith);
    if (why) refuse(`shard ${shardText(shard.manifest.shard)} (${shard.dir}) cannot be merged with shard ${shardText(first!.manifest.shard)} (${first!.dir}): ${why}`, 'Grade every shard with the same kit, config and secret, then merge.');
    if (JSON.stringify(shard.manifest.only ?? null) !== JSON.stringify(first!.manifest.only ?? null)) {
      refuse(`shard ${shardText(shard.manifest.shard)} graded other exercises (--only) than shard ${shardText(first!.manifest.shard)}`, 'Grade every shard with the same --only (or none), then merge.');
    }
    if (JSON.stringify(shard.manifest.reports) !== JSON.stringify(first!.manifest.reports)) {
      refuse(`shard ${shardText(shard.manifest.shard)} has other report options (courseTitle, readmeBaseUrl) than shard ${shardText(first!.manifest.shard)}`, 'Grade every shard with the same config file, then merge.');
    }
  }
}

/** Every student of every manifest, read from its record, each once; sorted by id (as the class reports list them). */
function readRecords(shards: ShardFolder[]): StudentRecord[] {
  const byId = new Map<string, StudentRecord>();
  const folders = new Map<string, string>();
  const overlap: string[] = [];
  for (const shard of shards) {
    for (const { id, dir } of shard.manifest.students) {
      const record = readStudentRecord(shard.dir, dir, id);
      if (!record) refuse(`the record of ${namesOf([id])} is missing or unreadable in ${shard.dir}, which lists it`, `Grade shard ${shardText(shard.manifest.shard)} again (--resume keeps what is there).`);
      const why = gradedWithDifference(shard.manifest.gradedWith, record!.gradedWith);
      if (why) refuse(`the record of ${namesOf([id])} in ${shard.dir} does not belong to that shard's run: ${why}`, `Grade shard ${shardText(shard.manifest.shard)} again.`);
      const folderOwner = folders.get(dir.toLowerCase());
      if (byId.has(id) || (folderOwner !== undefined && folderOwner !== id)) overlap.push(id);
      byId.set(id, record!);
      folders.set(dir.toLowerCase(), id);
    }
  }
  if (overlap.length > 0) {
    refuse(`the shards overlap: ${namesOf(overlap)} ${overlap.length === 1 ? 'is' : 'are'} in more than one shard (or share a report folder)`, 'Merge shards of one split of one submissions folder, each once.');
  }
  return sortRecords([...byId.values()]);
}

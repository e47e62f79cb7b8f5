/**
 * `--shard K/N`: a student belongs to shard K when a hash of their id, modulo N, is K − 1. The
 * share depends on the id alone, so adding a student to the class moves no one else, and
 * every machine agrees without talking to the others.
 */
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based */
  index: number;
  count: number;
}

/** "K/N" with 1 ≤ K ≤ N, or undefined. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return index >= 1 && index <= count ? { index, count } : undefined;
}

export const shardText = (shard: Shard): string => `${shard.index}/${shard.count}`;

export function inShard(studentId: string, shard: Shard): boolean {
  return createHash('sha256').update(studentId).digest().readUInt32BE(0) % shard.count === shard.index - 1;
}

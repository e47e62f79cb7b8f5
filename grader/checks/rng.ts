/**
 * A small seeded random generator (sfc32) with helpers for test inputs. A grading run
 * seeds it from the course secret (and the student id, with per-student inputs), the
 * exercise and the check, so the same run gives the same inputs and a student cannot
 * predict them.
 */
import { createHash } from 'node:crypto';
import type { Matrix, Vector } from '../../exercises/shared/types';

/** Hashed seeds: with per-class inputs every student's checks use the same ones. */
const seedStates = new Map<string, [number, number, number, number]>();
const SEED_STATES_KEPT = 10_000;

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeds from any strings (joined unambiguously and hashed). */
  static fromSeed(...parts: string[]): Rng {
    const key = parts.map((p) => `${p.length}:${p}`).join('|');
    let state = seedStates.get(key);
    if (!state) {
      const digest = createHash('sha256').update(key).digest();
      state = [digest.readUInt32LE(0), digest.readUInt32LE(4), digest.readUInt32LE(8), digest.readUInt32LE(12)];
      if (seedStates.size >= SEED_STATES_KEPT) seedStates.clear();
      seedStates.set(key, state);
    }
    return new Rng(...state);
  }

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a >>> 0;
    this.b = b >>> 0;
    this.c = c >>> 0;
    this.d = d >>> 0;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  /** A float in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  vector(n: number, lo = -1, hi = 1): Vector {
    return Array.from({ length: n }, () => this.uniform(lo, hi));
  }

  matrix(rows: number, cols: number, lo = -1, hi = 1): Matrix {
    return Array.from({ length: rows }, () => this.vector(cols, lo, hi));
  }

  /** A one-hot target of length n. */
  oneHot(n: number): Vector {
    const hot = this.int(0, n - 1);
    return Array.from({ length: n }, (_, i) => (i === hot ? 1 : 0));
  }

  /** A probability vector of length n with every entry ≥ min. */
  probabilities(n: number, min = 0.02): Vector {
    const raw = this.vector(n, 0, 1).map((v) => v + min * n);
    const total = raw.reduce((s, v) => s + v, 0);
    return raw.map((v) => v / total);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
}

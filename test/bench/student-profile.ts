/**
 * Where a warm grading worker spends its time per student, measured in this process on a
 * synthetic class with no two files alike even in code (so every file is compiled) and per-student hidden inputs: compiling
 * (transpiling and the syntax/import checks, then type checking) and running the hidden
 * checks and the integration run in the sandbox. Medians over the students.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Compiler } from '../../grader/compile/compiler';
import { readKitSources } from '../../grader/compile/kit-sources';
import { KIT_ROOT } from '../../grader/paths';
import { gradeStudent } from '../../grader/run/grade-student';
import { readKitDescription } from '../../grader/run/kit-description';
import { loadGradingKit } from '../../grader/run/kit-loader';
import type { GradeJob, JobFile } from '../../grader/run/types';
import { writeSyntheticClass } from './synthetic-class';

export interface StudentProfile {
  students: number;
  /** ms, medians per student */
  transpile: number;
  typeCheck: number;
  checks: number;
  total: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export function profileStudents(count: number, warmup = 10): StudentProfile {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-profile-'));
  try {
    writeSyntheticClass(dir, count + warmup, 'profile', { unique: true, uniqueCode: true });
    const kit = loadGradingKit(KIT_ROOT, readKitDescription(KIT_ROOT));
    // a second compiler, to time compiling without type checking on files the first has not seen
    const untyped = new Compiler(kit.track, readKitSources(KIT_ROOT, kit.track));
    const samples = { transpile: [] as number[], typeCheck: [] as number[], checks: [] as number[], total: [] as number[] };
    readdirSync(dir).sort().forEach((student, i) => {
      const files: Record<string, JobFile> = {};
      for (const e of kit.track) {
        const rel = `exercises/${e.id}/${e.file}`;
        files[e.id] = { status: 'ok', path: rel, content: readFileSync(path.join(dir, student, rel), 'utf8') };
      }
      const job: GradeJob = { studentId: student, files, secret: 'profile', hiddenInputs: 'per-student', limits: { timeoutMs: 2000, memoryMb: 128 }, typeCheck: true, typeErrors: 'fail' };
      const sources = kit.track.map((exercise) => ({ exercise, source: (files[exercise.id] as { content: string }).content }));
      let t = performance.now();
      untyped.compileMany(sources, { typeCheck: false });
      const transpile = performance.now() - t;
      t = performance.now();
      kit.compiler.compileMany(sources, { typeCheck: true });
      const compile = performance.now() - t;
      t = performance.now();
      gradeStudent(job, kit); // its files are compiled now: this is the sandbox's share
      const checks = performance.now() - t;
      if (i < warmup) return;
      samples.transpile.push(transpile);
      samples.typeCheck.push(compile - transpile);
      samples.checks.push(checks);
      samples.total.push(compile + checks);
    });
    return { students: count, transpile: median(samples.transpile), typeCheck: median(samples.typeCheck), checks: median(samples.checks), total: median(samples.total) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('student-profile.ts')) {
  const p = profileStudents(Number(process.argv[2] ?? 60));
  process.stdout.write(`${JSON.stringify(p)}\n`);
}

/**
 * Fingerprints of the catalogue's wrong implementations on the public specs: each one is
 * put in place of its exercise's file (every other exercise is the reference solution),
 * and the public specs of that exercise and of the exercises built on it are run; what
 * the wrong code returns where a spec fails (its quantity, the expected and the actual
 * value) is the fingerprint. exercises/shared/known-mistakes.json carries those numbers and
 * the catalogue's explanations to students, never the catalogue's code.
 *
 * Run: npm run fingerprints (writes the file), or with --check (exit 1 if it is out of
 * step with the catalogue). --report <file> also writes every test's outcome, for tests.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Fingerprint, KnownMistakesFile } from '../../exercises/shared/known-mistakes';
import { encodeNonFinite } from '../../exercises/shared/known-mistakes';
import { KIT_ROOT, kitPath } from '../paths';
import { runSpecFiles, type SpecTestResult } from '../student/spec-runner';
import { type Exercise, loadTrack } from '../track';
import { type Misconception, readCatalogue } from './catalogue-file';

export const KNOWN_MISTAKES_PATH = kitPath('exercises', 'shared', 'known-mistakes.json');

export interface CatalogueRun {
  misconception: string;
  /** the exercise whose public spec ran */
  spec: string;
  tests: SpecTestResult[];
}

/** The exercise itself and every exercise that imports it, directly or through another. */
export function exercisesBuiltOn(id: string, track: Exercise[]): string[] {
  const uses = (e: Exercise): boolean => e.id === id || e.dependsOn.some((d) => uses(track.find((t) => t.id === d)!));
  return track.filter(uses).map((e) => e.id);
}

/** Runs every catalogue entry on the public specs it can affect, each in a course of its own in a temporary folder. */
export async function runCatalogueOnPublicSpecs(kitRoot = KIT_ROOT): Promise<CatalogueRun[]> {
  const track = loadTrack(kitRoot);
  const catalogue = readCatalogue(kitRoot, track);
  const temp = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-fingerprints-'));
  try {
    // the specs import vitest: the same copy as this runner's, through the kit's node_modules
    symlinkSync(path.join(kitRoot, 'node_modules'), path.join(temp, 'node_modules'), 'dir');
    writeFileSync(path.join(temp, 'package.json'), '{ "type": "module" }\n');
    const planned: { misconception: string; spec: string; file: string }[] = [];
    for (const entry of catalogue) {
      const course = path.join(temp, entry.id);
      cpSync(path.join(kitRoot, 'exercises', 'shared'), path.join(course, 'exercises', 'shared'), { recursive: true });
      for (const exercise of track) {
        const dir = path.join(course, 'exercises', exercise.id);
        cpSync(path.join(kitRoot, 'exercises', exercise.id), dir, { recursive: true, filter: (f) => !f.endsWith('.md') });
        const source = exercise.id === entry.exercise ? path.join(kitRoot, entry.file) : path.join(kitRoot, 'solutions', exercise.id, exercise.file);
        cpSync(source, path.join(dir, exercise.file));
      }
      for (const spec of exercisesBuiltOn(entry.exercise, track)) {
        const file = readdirSync(path.join(course, 'exercises', spec)).find((f) => f.endsWith('.spec.ts'))!;
        planned.push({ misconception: entry.id, spec, file: path.join(course, 'exercises', spec, file) });
      }
    }
    const results = await runSpecFiles(planned.map((p) => p.file));
    return planned.map((p) => ({ misconception: p.misconception, spec: p.spec, tests: results.get(path.resolve(p.file)) ?? [] }));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** The fingerprints of the runs (one per distinct quantity, expected and actual value), with the explanations of the entries that have one. */
export function buildKnownMistakes(catalogue: Misconception[], runs: CatalogueRun[]): KnownMistakesFile {
  const byKey = new Map<string, Fingerprint>();
  for (const run of runs) {
    for (const test of run.tests) {
      const error = test.error;
      if (test.state !== 'failed' || !error || typeof error.quantity !== 'string' || !('value' in error)) continue;
      const fingerprint = { quantity: error.quantity, expected: encodeNonFinite(error.expectedValue), actual: encodeNonFinite(error.value) };
      const key = JSON.stringify(fingerprint);
      const known = byKey.get(key) ?? { ...fingerprint, mistakes: [] };
      if (!known.mistakes.includes(run.misconception)) known.mistakes.push(run.misconception);
      byKey.set(key, known);
    }
  }
  const fingerprints = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, f]) => ({ ...f, mistakes: f.mistakes.sort() }));
  const withPrint = new Set(fingerprints.flatMap((f) => f.mistakes));
  const mistakes = catalogue.filter((m) => withPrint.has(m.id)).map((m) => ({ id: m.id, exercise: m.exercise, title: m.title, explanation: m.explanation }));
  return { mistakes, fingerprints };
}

export const knownMistakesText = (file: KnownMistakesFile): string => `${JSON.stringify(file, null, 1)}\n`;

async function main(args: string[]): Promise<number> {
  const runs = await runCatalogueOnPublicSpecs();
  const text = knownMistakesText(buildKnownMistakes(readCatalogue(KIT_ROOT, loadTrack()), runs));
  const report = args.indexOf('--report');
  if (report >= 0) writeFileSync(args[report + 1]!, JSON.stringify(runs));
  if (args.includes('--check')) {
    if (readFileSync(KNOWN_MISTAKES_PATH, 'utf8') === text) return 0;
    process.stderr.write('exercises/shared/known-mistakes.json is out of step with the catalogue: run npm run fingerprints\n');
    return 1;
  }
  writeFileSync(KNOWN_MISTAKES_PATH, text);
  process.stdout.write(`wrote exercises/shared/known-mistakes.json\n`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));

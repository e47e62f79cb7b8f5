/**
 * A synthetic class for the benchmark: each student is the reference solutions with a
 * few seeded mutations — catalogued misconceptions, untouched stubs, small operator
 * changes, the odd syntax or type error — so files repeat across students about as much
 * as in a real class, and the grader's caches get no more help than they would there.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Rng } from '../../grader/checks/rng';
import { KIT_ROOT } from '../../grader/paths';
import { loadTrack, type Exercise } from '../../grader/track';

type Mutation = (source: string, exercise: Exercise, rng: Rng) => string;

/** Small operator mutations; each one applies to a single occurrence picked by the rng. */
const OPERATORS: [RegExp, string][] = [
  [/ - /g, ' + '],
  [/ \+ /g, ' - '],
  [/ \* /g, ' / '],
  [/ > 0/g, ' >= 0'],
  [/\[r\]\[c\]/g, '[c][r]'],
  [/\(1 - /g, '(1 + '],
  [/ \/ m/g, ' / (m * m)'],
];

function mutateOperator(source: string, rng: Rng): string {
  const applicable = OPERATORS.filter(([pattern]) => source.match(pattern));
  if (applicable.length === 0) return source;
  const [pattern, replacement] = rng.pick(applicable);
  const matches = [...source.matchAll(pattern)];
  const match = rng.pick(matches);
  return source.slice(0, match.index) + match[0].replace(pattern, replacement) + source.slice(match.index + match[0].length);
}

/**
 * `unique`: every file gets a comment naming its student, so no two files are alike and no
 * result can be reused (with per-student inputs; real classes lie between). Files that differ
 * only in comments still share their compiled code (grader/compile/code-key.ts);
 * `uniqueCode`: every file also gets a line of code naming its student, so that no two files
 * share even that (the worst case for the grader).
 */
export function writeSyntheticClass(dir: string, students: number, seed: string, options: { unique?: boolean; uniqueCode?: boolean } = {}): void {
  const track = loadTrack();
  const read = (...p: string[]) => readFileSync(path.join(KIT_ROOT, ...p), 'utf8');
  const catalogueDir = path.join(KIT_ROOT, 'grader', 'misconceptions', 'catalogue');
  const variants = new Map<string, string[]>();
  for (const name of readdirSync(catalogueDir)) {
    const meta = JSON.parse(read('grader', 'misconceptions', 'catalogue', name, 'misconception.json')) as { exercise: string };
    const exercise = track.find((e) => e.id === meta.exercise)!;
    variants.set(exercise.id, [...(variants.get(exercise.id) ?? []), read('grader', 'misconceptions', 'catalogue', name, exercise.file)]);
  }
  const mutations: [number, Mutation][] = [
    [0.35, (_s, e, rng) => rng.pick(variants.get(e.id) ?? [read('solutions', e.id, e.file)])],
    [0.25, (_s, e) => read('exercises', e.id, e.file)],
    [0.3, (s, _e, rng) => mutateOperator(s, rng)],
    [0.05, (s) => s.replace(/\)\s*;\s*\n/, ';\n')], // a syntax error
    [0.05, (s) => s.replace(/return /, 'return "oops" as unknown as number; return ')], // a type error, and unreachable code
  ];
  for (let i = 0; i < students; i++) {
    const rng = Rng.fromSeed(seed, String(i));
    const changed = new Set(Array.from({ length: rng.int(0, 3) }, () => rng.pick(track).id));
    for (const exercise of track) {
      let source = read('solutions', exercise.id, exercise.file);
      if (changed.has(exercise.id)) {
        let roll = rng.next();
        const [, mutate] = mutations.find(([p]) => (roll -= p) < 0) ?? mutations[0];
        source = mutate(source, exercise, rng);
      }
      const student = `student-${String(i).padStart(4, '0')}`;
      if (options.unique) source += `\n// ${student}\n`;
      if (options.uniqueCode) source += `\nconst submittedBy = '${student}';\n`;
      const file = path.join(dir, student, 'exercises', exercise.id, exercise.file);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, source);
    }
  }
}

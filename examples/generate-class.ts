/**
 * Writes the bundled example class, examples/submissions/, and beside it
 * examples/expected/<student>.json: what each student should get, per exercise.
 * Every student is built from the reference solutions, the stubs and the misconception
 * catalogue, so the class stays in step with the kit. Run: npm run examples
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import { loadTrack, type Exercise } from '../grader/track';

const KIT = fileURLToPath(new URL('..', import.meta.url));
const SUBMISSIONS = path.join(KIT, 'examples', 'submissions');
const EXPECTED = path.join(KIT, 'examples', 'expected');
const track = loadTrack();

type Outcome = 'full' | 'partial' | 'zero';
/** What a student should get for one exercise; exercises not listed get full marks. */
interface Expectation {
  status: string;
  score: Outcome;
  misconception?: string;
}

interface Student {
  id: string;
  about: string;
  /** exercise id → file content, or null to leave the file out */
  files: Record<string, string | null>;
  expected: Record<string, Expectation>;
  /** extra files, path → content */
  extra?: Record<string, string>;
  /** zip it, with its files inside this folder */
  zipFolder?: string;
}

const read = (...parts: string[]): string => readFileSync(path.join(KIT, ...parts), 'utf8');
const byId = (id: string): Exercise => track.find((e) => e.id === id)!;
const solution = (id: string): string => read('solutions', id, byId(id).file);
const stub = (id: string): string => read('exercises', id, byId(id).file);
const misconception = (name: string): string => {
  const meta = JSON.parse(read('grader', 'misconceptions', 'catalogue', name, 'misconception.json')) as { exercise: string };
  return read('grader', 'misconceptions', 'catalogue', name, byId(meta.exercise).file);
};
const exerciseOf = (name: string): string => (JSON.parse(read('grader', 'misconceptions', 'catalogue', name, 'misconception.json')) as { exercise: string }).exercise;
/** A mistake, and what it scores: partial, or zero when it leaves no value of its exercise right. */
type Mistake = string | { name: string; score: Outcome };
/**
 * A mistake that makes every value its exercise returns wrong: the exercise scores 0, because
 * a check that code doing nothing passes too (inputs left unchanged, a shape) counts only once
 * the values are right.
 */
const allWrong = (name: string): Mistake => ({ name, score: 'zero' });
const withMistakes = (...mistakes: Mistake[]) => {
  const list = mistakes.map((m) => (typeof m === 'string' ? { name: m, score: 'partial' as Outcome } : m));
  return {
    files: Object.fromEntries(list.map(({ name }) => [exerciseOf(name), misconception(name)])),
    expected: Object.fromEntries(list.map(({ name, score }) => [exerciseOf(name), { status: 'graded', score, misconception: name }])),
  };
};
const replaceOnce = (text: string, from: string, to: string): string => {
  if (!text.includes(from)) throw new Error(`cannot find ${JSON.stringify(from)}`);
  return text.replace(from, to);
};

const ids = track.map((e) => e.id);
const firstSeven = ids.slice(0, 7);

const students: Student[] = [
  { id: 'ada-all-correct', about: 'every exercise right', files: {}, expected: {} },
  {
    id: 'ben-partly-done',
    about: 'exercises 01–07 done, the rest untouched stubs',
    files: Object.fromEntries(ids.filter((id) => !firstSeven.includes(id)).map((id) => [id, stub(id)])),
    expected: Object.fromEntries(ids.filter((id) => !firstSeven.includes(id)).map((id) => [id, { status: 'not-implemented', score: 'zero' as const }])),
  },
  { id: 'cleo-classic-mistakes', about: 'four classic mistakes', ...withMistakes('sigmoid-positive-exponent', 'softmax-without-max-shift', allWrong('weight-gradient-transposed'), allWrong('sgd-step-plus')) },
  {
    id: 'dev-syntax-error',
    about: 'a syntax error in 03-sigmoid only',
    files: { '03-sigmoid': replaceOnce(solution('03-sigmoid'), 'return z.map((v) => 1 / (1 + Math.exp(-v)));', 'return z.map((v) => 1 / (1 + Math.exp(-v));') },
    expected: { '03-sigmoid': { status: 'syntax-error', score: 'zero' } },
  },
  {
    id: 'eli-type-error',
    about: 'a type error in 09-weight-gradient only',
    files: { '09-weight-gradient': replaceOnce(solution('09-weight-gradient'), 'return input.map((xr) => delta.map((dc) => xr * dc));', 'return input.map((xr) => delta.map((dc) => `${xr * dc}`));') },
    expected: { '09-weight-gradient': { status: 'type-error', score: 'zero' } },
  },
  {
    id: 'fay-missing-file',
    about: '12-backward-pass not handed in, plus a stray notes file',
    files: { '12-backward-pass': null },
    extra: { 'exercises/notes.txt': 'ask about the softmax Jacobian\n' },
    expected: { '12-backward-pass': { status: 'missing', score: 'zero' } },
  },
  {
    id: 'gus-infinite-loop',
    about: 'a loop that never ends in 01-linear-forward',
    files: {
      '01-linear-forward': replaceOnce(
        solution('01-linear-forward'),
        'return b.map((bias, c) => x.reduce((sum, xr, r) => sum + xr * W[r][c], bias));',
        'return b.map((bias, c) => {\n    let sum = bias;\n    for (let r = 0; r < x.length; ) sum += x[r] * W[r][c]; // r++ forgotten\n    return sum;\n  });',
      ),
    },
    expected: { '01-linear-forward': { status: 'timeout', score: 'zero' } },
  },
  { id: 'hana-zipped-folder', about: 'a zip of the whole folder (nested), one mistake', zipFolder: 'hana-work', ...withMistakes('cross-entropy-gradient-sign-flipped') },
  { id: 'ivan-article-mistakes', about: "the article's own mistakes", ...withMistakes('softmax-jacobian-diagonal-only', 'article-loss-gradient-article-formula', allWrong('output-delta-diagonal-only'), 'backprop-diagonal-weights-only') },
  { id: 'jo-hard-coded', about: 'worked-example answers hard-coded: the public specs pass, the hidden ones do not', ...withMistakes('forward-pass-hard-coded', 'train-step-hard-coded-worked-example') },
];

function studentFiles(student: Student): Map<string, string> {
  const files = new Map<string, string>();
  for (const exercise of track) {
    const content = exercise.id in student.files ? student.files[exercise.id] : solution(exercise.id);
    if (content !== null) files.set(`exercises/${exercise.id}/${exercise.file}`, content);
  }
  for (const [file, content] of Object.entries(student.extra ?? {})) files.set(file, content);
  return files;
}

async function writeZip(file: string, folder: string, files: Map<string, string>): Promise<void> {
  const zip = new yazl.ZipFile();
  // fixed dates, so the zip is the same bytes every time
  for (const [name, content] of files) zip.addBuffer(Buffer.from(content), `${folder}/${name}`, { mtime: new Date('2026-01-01T00:00:00Z'), mode: 0o100644 });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  writeFileSync(file, Buffer.concat(chunks));
}

rmSync(SUBMISSIONS, { recursive: true, force: true });
rmSync(EXPECTED, { recursive: true, force: true });
mkdirSync(EXPECTED, { recursive: true });
for (const student of students) {
  const files = studentFiles(student);
  if (student.zipFolder) {
    mkdirSync(SUBMISSIONS, { recursive: true });
    await writeZip(path.join(SUBMISSIONS, `${student.id}.zip`), student.zipFolder, files);
  } else {
    for (const [name, content] of files) {
      const target = path.join(SUBMISSIONS, student.id, name);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }
  const expected = Object.fromEntries(ids.map((id) => [id, student.expected[id] ?? { status: 'graded', score: 'full' }]));
  writeFileSync(path.join(EXPECTED, `${student.id}.json`), `${JSON.stringify({ about: student.about, exercises: expected }, null, 2)}\n`);
}
process.stdout.write(`wrote ${students.length} submissions to examples/submissions and their expected outcomes to examples/expected\n`);

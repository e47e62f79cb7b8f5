/**
 * Realistic records for the report tests: a small class graded in-process from the
 * reference solutions with some files replaced, plus hostile variants made by hand.
 * Graded once per test file (grading costs seconds; every spec shares the same class).
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Submission } from '../../grader/intake';
import { safeStudentDirName } from '../../grader/intake';
import { KIT_ROOT } from '../../grader/paths';
import { buildRecord } from '../../grader/results/record';
import type { StudentRecord } from '../../grader/results/types';
import type { JobFile } from '../../grader/run/types';
import { parseConfig } from '../../grader/scoring/config';
import { gradeInProcess, gradingKit, solutionSource, submissionFiles } from '../helpers/grading';

export const LIMITS = { timeoutMs: 400, memoryMb: 64 };

const stubSource = (exerciseId: string): string => {
  const exercise = gradingKit().track.find((e) => e.id === exerciseId)!;
  return readFileSync(path.join(KIT_ROOT, 'exercises', exercise.id, exercise.file), 'utf8');
};

const misconceptionSource = (id: string): string => {
  const entry = gradingKit().detector.catalogue.find((m) => m.id === id)!;
  return readFileSync(path.join(KIT_ROOT, entry.file), 'utf8');
};

interface StudentSpec {
  id: string;
  /** exercise id → replacement source, or 'missing' */
  files?: Record<string, string | { missing: true }>;
  notes?: string[];
  foundAt?: string | null;
  extraFiles?: string[];
  fatal?: Submission['fatal'];
  kind?: 'folder' | 'zip';
}

export function gradeStudentRecord(spec: StudentSpec): StudentRecord {
  const kit = gradingKit();
  const sources = Object.fromEntries(Object.entries(spec.files ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const jobFiles: Record<string, JobFile> = submissionFiles(sources);
  for (const [id, file] of Object.entries(spec.files ?? {})) if (typeof file !== 'string') jobFiles[id] = { status: 'missing' };
  const run = gradeInProcess(sources, { studentId: spec.id, files: jobFiles, limits: LIMITS });
  const config = parseConfig({ limits: LIMITS }, 'the report tests', kit.track, kit.specs);
  const kind = spec.kind ?? 'folder';
  const submission: Submission = {
    id: spec.id,
    source: { id: spec.id, path: `/submissions/${spec.id}${kind === 'zip' ? '.zip' : ''}`, kind },
    contentHash: `hash-of-${spec.id}`,
    exercises: Object.fromEntries(
      kit.track.map((e) => {
        const file = jobFiles[e.id]!;
        return [e.id, file.status === 'ok' ? { status: 'ok', content: file.content, path: file.path, bytes: file.content.length } : { status: 'missing' }];
      }),
    ),
    foundAt: spec.foundAt === undefined ? 'exercises' : spec.foundAt,
    extraFiles: spec.extraFiles ?? [],
    notes: spec.notes ?? [],
    ...(spec.fatal ? { fatal: spec.fatal } : {}),
  };
  return buildRecord({
    submission,
    dir: safeStudentDirName(spec.id),
    run,
    config,
    track: kit.track,
    specs: kit.specs,
    catalogue: kit.detector.catalogue,
    inputHash: `input-hash-of-${spec.id}`,
    gradingMs: 1234,
  });
}

export interface ReportClass {
  /** every exercise right */
  alice: StudentRecord;
  /** softmax without the max shift (a named misconception), an SGD step with the sign flipped, debug output */
  bob: StudentRecord;
  /** a stub, a syntax error, a type error, an infinite loop, a missing file, a nested folder */
  carol: StudentRecord;
  /** a corrupt zip: nothing could be graded */
  dave: StudentRecord;
  /** carol's grades under a hostile id, with a hostile compiler message and printed output */
  hostile: StudentRecord;
  all: StudentRecord[];
}

export const HOSTILE_ID = `<script>alert("id")</script> Zoë O'Brien, "=HYPERLINK(1)"`;
export const HOSTILE_MESSAGE = `<img src=x onerror="alert('problem')"> & </pre>`;
export const HOSTILE_OUTPUT = `</pre><script>alert('output')</script>`;

let cached: ReportClass | undefined;

export function reportClass(): ReportClass {
  if (cached) return cached;
  const alice = gradeStudentRecord({ id: 'alice' });
  const bob = gradeStudentRecord({
    id: 'bob',
    files: {
      '04-softmax': misconceptionSource('softmax-without-max-shift'),
      '13-sgd-step': solutionSource('13-sgd-step').replace('v - learningRate * db[c]', 'v + learningRate * db[c]'),
      '06-article-loss': `(globalThis as any).console.log("debug <b>loss</b> | 1 \`tick\`");\n${solutionSource('06-article-loss')}`,
    },
  });
  const carol = gradeStudentRecord({
    id: 'carol',
    files: {
      '02-relu': 'export function relu(z {',
      '03-sigmoid': stubSource('03-sigmoid'),
      '09-weight-gradient': { missing: true },
      '10-backprop-delta': solutionSource('10-backprop-delta').replace('return W.map(', 'while (true) {}\n  return W.map('),
      '11-bias-gradient': solutionSource('11-bias-gradient').replace('return [...delta];', 'return delta.map(String);'),
    },
    foundAt: 'my-work/exercises',
    notes: ['Your exercises were inside the folder my-work/; they were graded from there.'],
    extraFiles: ['my-work/notes.txt'],
    kind: 'zip',
  });
  const dave = gradeStudentRecord({
    id: 'dave',
    files: Object.fromEntries(gradingKit().track.map((e) => [e.id, { missing: true as const }])),
    foundAt: null,
    kind: 'zip',
    fatal: { code: 'zip-corrupt', message: 'dave.zip is not a valid zip file (end of central directory not found).' },
  });
  const hostile = withId(carol, HOSTILE_ID);
  const relu = hostile.exercises.find((e) => e.exercise === '02-relu')!;
  relu.problems = [{ kind: 'syntax', line: 3, message: HOSTILE_MESSAGE }, ...relu.problems];
  const softmax = hostile.exercises.find((e) => e.exercise === '04-softmax')!;
  softmax.output = HOSTILE_OUTPUT;
  hostile.submission.notes = [...hostile.submission.notes, `${HOSTILE_ID}/ holds a file named <b>x</b>`];
  cached = { alice, bob, carol, dave, hostile, all: [carol, hostile, alice, dave, bob] };
  return cached;
}

/** A deep copy of a record under another student id (and its folder). */
export function withId(record: StudentRecord, id: string): StudentRecord {
  const copy = structuredClone(record);
  copy.studentId = id;
  copy.dir = safeStudentDirName(id);
  return copy;
}

/** A fresh temporary folder, removed by the returned function. */
export function tempOut(prefix = 'reports-spec-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A small RFC 4180 reader: fields split by ',', records by CRLF, quoted fields with "" for a quote. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else if (c === '\r' || c === '\n') {
      throw new Error(`a bare line break outside quotes at ${i}`);
    } else {
      field += c;
    }
    i += 1;
  }
  if (quoted) throw new Error('an unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}

/** Every address an HTML page would load or link to: src/href/xlink:href attributes and CSS url(). */
export function referencedUrls(html: string): string[] {
  const attributes = [...html.matchAll(/\s(?:src|href|xlink:href|srcset|poster|data|action)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  const cssUrls = [...html.matchAll(/url\(\s*['"]?([^'")]*)/gi)].map((m) => m[1] ?? '');
  const imports = [...html.matchAll(/@import\s+['"]([^'"]+)/gi)].map((m) => m[1] ?? '');
  return [...attributes, ...cssUrls, ...imports];
}

/** Addresses that would reach the network: http(s), protocol-relative, or any other scheme but the page's own. */
export const isNetworkUrl = (url: string): boolean => /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url) && !/^\s*(?:#|mailto:)/i.test(url);

/** Markdown with code blocks and code spans removed: what a renderer would parse as text. */
export function markdownOutsideCode(markdown: string): string {
  return markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
}

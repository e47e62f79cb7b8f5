/** Generates exercises/NN-x/x.ts from solutions/NN-x/x.ts, or checks that they are in sync. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { IndentationText, Project, QuoteKind } from 'ts-morph';
import { makeStub } from './transforms/make-stub';
import { exerciseFile, loadTrack } from './track';
import { kitPath } from './paths';

export interface StubFile {
  exerciseId: string;
  /** path relative to the kit root */
  file: string;
  content: string;
}

export function generateStubs(): StubFile[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });
  return loadTrack().map((exercise) => {
    const solution = readFileSync(exerciseFile(kitPath('solutions'), exercise), 'utf8');
    const source = project.createSourceFile(`/${exercise.id}/${exercise.file}`, solution, { overwrite: true });
    return {
      exerciseId: exercise.id,
      file: path.join('exercises', exercise.id, exercise.file),
      content: makeStub(source, exercise),
    };
  });
}

/** The stubs whose file in exercises/ differs from what the solutions generate. */
export function staleStubs(stubs: StubFile[] = generateStubs()): StubFile[] {
  return stubs.filter((stub) => {
    const file = kitPath(stub.file);
    return !existsSync(file) || readFileSync(file, 'utf8') !== stub.content;
  });
}

export function writeStubs(stubs: StubFile[] = generateStubs()): StubFile[] {
  const stale = staleStubs(stubs);
  for (const stub of stale) {
    mkdirSync(path.dirname(kitPath(stub.file)), { recursive: true });
    writeFileSync(kitPath(stub.file), stub.content);
  }
  return stale;
}

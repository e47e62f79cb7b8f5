/** Generates exercises/NN-x/x.ts from solutions/NN-x/x.ts, or checks that they are in sync. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { IndentationText, Project, QuoteKind } from 'ts-morph';
import { makeStub, removePrivateHelpers, replaceExportedBodies } from './transforms/make-stub';
import { exerciseFile, loadTrack } from './track';
import { KIT_ROOT, kitPath } from './paths';
import { KitError } from './errors';

export interface StubFile {
  exerciseId: string;
  /** path relative to the kit root */
  file: string;
  content: string;
}

/** Where `stubs --force` keeps the files it overwrote, relative to the kit root (git-ignored). */
export const STUBS_BACKUP_DIR = path.join('.backprop-kit', 'stubs-backup');

const newProject = (): Project =>
  new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });

export function generateStubs(): StubFile[] {
  const project = newProject();
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

/**
 * True when `text` holds no work of its own: every exported function has the generated
 * TODO-and-throw body and there is no private helper — a stub of this or an older version
 * of the solutions, which `stubs` may replace without losing anything.
 */
export function isUntouchedStub(text: string, exerciseId: string, project: Project = newProject()): boolean {
  const file = project.createSourceFile('/untouched-check.ts', text, { overwrite: true });
  removePrivateHelpers(file);
  replaceExportedBodies(file, exerciseId);
  return file.getFullText() === text;
}

export interface StubsState {
  /** differ from the solutions' stubs but hold no work: safe to regenerate */
  stale: StubFile[];
  /** differ and hold someone's work (an implemented function, a helper): never overwritten without --force */
  edited: StubFile[];
}

/** Sorts the stubs whose file in exercises/ differs from what the solutions generate into stale and edited. */
export function stubsState(stubs: StubFile[] = generateStubs(), root: string = KIT_ROOT): StubsState {
  const project = newProject();
  const state: StubsState = { stale: [], edited: [] };
  for (const stub of stubs) {
    const file = path.join(root, stub.file);
    if (!existsSync(file)) {
      state.stale.push(stub);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    if (text === stub.content) continue;
    (isUntouchedStub(text, stub.exerciseId, project) ? state.stale : state.edited).push(stub);
  }
  return state;
}

/** The stubs whose file in exercises/ differs from what the solutions generate (edited or not). */
export function staleStubs(stubs: StubFile[] = generateStubs(), root: string = KIT_ROOT): StubFile[] {
  const { stale, edited } = stubsState(stubs, root);
  return [...stale, ...edited];
}

export interface WrittenStubs {
  written: StubFile[];
  /** the backup of each edited file that --force overwrote, relative to the root */
  backups: string[];
}

/**
 * Writes the stubs that differ. An edited file (someone's work) is a KitError unless
 * `force`, and then it is first copied to .backprop-kit/stubs-backup/<time>/.
 */
export function writeStubs(stubs: StubFile[] = generateStubs(), options: { force?: boolean; root?: string; now?: Date } = {}): WrittenStubs {
  const root = options.root ?? KIT_ROOT;
  const { stale, edited } = stubsState(stubs, root);
  if (edited.length > 0 && !options.force) throw editedWorkError(edited);
  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const backups: string[] = [];
  for (const stub of edited) {
    const backup = path.join(STUBS_BACKUP_DIR, stamp, stub.file);
    mkdirSync(path.dirname(path.join(root, backup)), { recursive: true });
    copyFileSync(path.join(root, stub.file), path.join(root, backup));
    backups.push(backup);
  }
  for (const stub of [...stale, ...edited]) {
    mkdirSync(path.dirname(path.join(root, stub.file)), { recursive: true });
    writeFileSync(path.join(root, stub.file), stub.content);
  }
  return { written: [...stale, ...edited], backups };
}

/** exercises/ holds someone's work: names the files and a way on that loses nothing (no bare `stubs`). */
export function editedWorkError(edited: StubFile[]): KitError {
  return new KitError(
    'EXERCISES_EDITED',
    `exercises/ holds edited work, not the stubs: ${edited.map((s) => s.file).join(', ')}`,
    'Keep that work: copy these files out (students work in a handout, backprop-kit handout --out <dir>, or a fork of it, not in the kit). backprop-kit stubs never overwrites them; stubs --force replaces them and keeps a backup in .backprop-kit/stubs-backup/.',
  );
}

/**
 * Compiles one student file for one exercise, in isolation: inside a reused in-memory
 * ts-morph project, the file's imports of other steps resolve to the reference
 * solutions, never to the student's other files. Results are cached by content hash,
 * so identical files (untouched stubs, shared answers) are compiled once per worker.
 */
import { createHash } from 'node:crypto';
import { type Diagnostic, type Program, Project, type SourceFile, ts } from 'ts-morph';
import { clip } from '../checks/bounded';
import { parseSpecifier } from '../sandbox/module-code';
import type { Exercise } from '../track';
import { CHECK_DIRECTIVE, codeKey } from './code-key';
import { exportedNames, findImportProblems, runtimeImports } from './imports';
import { type Transpiled, transpileMany } from './transpile';

export type ProblemKind = 'syntax' | 'import' | 'type' | 'signature';

export interface CompileProblem {
  kind: ProblemKind;
  line?: number;
  message: string;
}

export interface CompiledFile {
  hash: string;
  /** CommonJS code, absent when the file cannot run (syntax or import problems) */
  js?: string;
  problems: CompileProblem[];
  exports: string[];
  /** module ids the code loads at run time (`NN-slug`, `shared/name`) */
  imports: string[];
}

export interface KitSources {
  /** exercise id → reference solution source */
  references: Map<string, string>;
  /** shared file name (without .ts) → source */
  shared: Map<string, string>;
}

const MAX_DIAGNOSTICS = 8;
/** Compiled files a worker keeps for students with the same file (about 16 per student). */
const COMPILED_FILES_KEPT = 4000;
const REF = '/kit/ref';
const STUDENT = '/kit/student';


/** The sandbox's console (see sandbox/bootstrap.ts), so that printing type-checks. */
const SANDBOX_GLOBALS = `declare var console: {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
};
`;

export class Compiler {
  private readonly project: Project;
  private readonly cache = new Map<string, CompiledFile>();
  /** files compiled without a problem, by their code (code-key.ts): a file that differs only in comments or layout gets the same result */
  private readonly byCode = new Map<string, CompiledFile>();

  constructor(
    private readonly track: Exercise[],
    sources: KitSources,
  ) {
    this.project = new Project({
      useInMemoryFileSystem: true,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2022.d.ts'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      resolutionHost: (host, getOptions) => ({
        resolveModuleNames: (names, containing) => names.map((name) => this.resolve(name, containing, host, getOptions())),
      }),
    });
    // besides the language, the sandbox gives graded code one global: a console that records output
    this.project.createSourceFile(`${REF}/sandbox-globals.d.ts`, SANDBOX_GLOBALS);
    for (const [name, source] of sources.shared) this.project.createSourceFile(`${REF}/shared/${name}.ts`, source);
    for (const exercise of track) this.project.createSourceFile(`${REF}/${exercise.id}/${exercise.file}`, sources.references.get(exercise.id) ?? '');
  }

  compile(exercise: Exercise, source: string, options: { typeCheck: boolean } = { typeCheck: true }): CompiledFile {
    return this.compileMany([{ exercise, source }], options)[0];
  }

  /**
   * Compiles several files (a student's exercises) together: the files not in the cache are
   * type-checked by one program, so the type checker is set up once, not once per file.
   */
  compileMany(files: { exercise: Exercise; source: string }[], options: { typeCheck: boolean } = { typeCheck: true }): CompiledFile[] {
    const keyed = files.map((f) => ({ ...f, hash: createHash('sha256').update(`${f.exercise.id}\0${options.typeCheck}\0${f.source}`).digest('hex') }));
    const unseen = keyed
      .filter((f) => !this.cache.has(f.hash))
      .map((f) => {
        const code = codeKey(f.exercise.file, f.source, `${f.exercise.id}\0${options.typeCheck}`);
        return { ...f, code, known: code === undefined ? undefined : this.byCode.get(code) };
      });
    const sameCode = unseen.flatMap((f) => (f.known ? [{ hash: f.hash, code: f.code, compiled: { ...f.known, hash: f.hash } }] : []));
    const pending = unseen.filter((f) => !f.known);
    // An earlier student's files must not take part in this type check: they could be read
    // through type imports, and their global declarations would change what this code means.
    if (pending.length > 0) this.removeStudentFiles();
    const transpiled = transpileMany(pending.map((f) => ({ fileName: f.exercise.file, source: f.source })));
    const parsed = pending.map((f, i) => ({ ...f, result: this.parseOrFail(f.exercise, f.source, f.hash, transpiled[i]) }));
    if (options.typeCheck) {
      // Nor may a file refused for its imports or global declarations: the results are cached
      // and shared by every student with the same file, so each must depend on its file alone.
      const toCheck = parsed.filter((p) => p.result.file && !p.result.compiled.problems.some((problem) => problem.kind === 'import'));
      this.removeStudentFiles(new Set(toCheck.map((p) => p.result.file!)));
      for (const p of toCheck) this.writeSignatureCheck(p.exercise, p.result.compiled.exports);
      if (toCheck.length > 0) {
        const program = this.project.getProgram();
        for (const p of toCheck) {
          const typeProblems = this.typeProblemsOrFail(program, p.exercise, p.result.compiled.exports);
          if (typeProblems.length > 0 && p.result.disarmed) typeProblems.unshift({ kind: 'type', message: DISARMED_NOTE });
          p.result.compiled.problems.push(...typeProblems);
          p.result.compiled.problems.splice(MAX_DIAGNOSTICS);
        }
      }
    }
    const results = new Map(keyed.map((f) => [f.hash, this.cache.get(f.hash)]));
    const compiled = [...parsed.map((p) => ({ hash: p.hash, code: p.code, compiled: p.result.compiled })), ...sameCode];
    // a class of distinct files would otherwise keep every one of them
    if (this.cache.size + compiled.length > COMPILED_FILES_KEPT) this.cache.clear();
    if (this.byCode.size + compiled.length > COMPILED_FILES_KEPT) this.byCode.clear();
    for (const c of compiled) {
      results.set(c.hash, c.compiled);
      this.cache.set(c.hash, c.compiled);
      if (c.code !== undefined && c.compiled.problems.length === 0) this.byCode.set(c.code, c.compiled);
    }
    return keyed.map((f) => results.get(f.hash)!);
  }

  private removeStudentFiles(keep: Set<SourceFile> = new Set()): void {
    for (const file of this.project.getSourceFiles()) {
      if (file.getFilePath().startsWith(`${STUDENT}/`) && !keep.has(file)) this.project.removeSourceFile(file);
    }
  }

  /** Syntax errors come from transpiling (no program needed); exports and imports are read from the syntax. */
  private parse(exercise: Exercise, source: string, hash: string, output: Transpiled): Parsed {
    const syntax = output.diagnostics.map((d) => problemFromTs('syntax', d));
    if (syntax.length > 0) return { compiled: { hash, problems: syntax.slice(0, MAX_DIAGNOSTICS), exports: [], imports: [] } };
    const { text, disarmed } = disarmCheckDirectives(source);
    const file = this.project.createSourceFile(`${STUDENT}/${exercise.id}/${exercise.file}`, text, { overwrite: true });
    // A file without imports or exports would be a global script to the type checker, its
    // declarations visible to every other file; it runs as a module, so it is checked as one.
    if (!ts.isExternalModule(file.compilerNode)) file.replaceWithText(`${text}\nexport {};\n`);
    const problems: CompileProblem[] = findImportProblems(file, exercise, this.track).slice(0, MAX_DIAGNOSTICS).map((p) => ({ kind: 'import', ...p }));
    const runnable = problems.length === 0;
    const compiled = { hash, ...(runnable ? { js: output.js } : {}), problems, exports: exportedNames(file), imports: runtimeImports(file, exercise, this.track) };
    return { compiled, file, disarmed };
  }

  /** `const f: typeof Reference.f = Student.f` for each exported function: type-checks only with the exercise's signature. */
  private writeSignatureCheck(exercise: Exercise, exports: string[]): void {
    const base = exercise.file.replace(/\.ts$/, '');
    const lines = [
      `import * as Student from './${base}';`,
      `import * as Reference from '${REF}/${exercise.id}/${base}';`,
      ...this.signaturesOf(exercise, exports).map((fn) => `export const ${fn}: typeof Reference.${fn} = Student.${fn};`),
    ];
    this.project.createSourceFile(`${STUDENT}/${exercise.id}/__signatures.ts`, lines.join('\n'), { overwrite: true });
  }

  private signaturesOf(exercise: Exercise, exports: string[]): string[] {
    return exercise.functions.filter((fn) => exports.includes(fn));
  }

  private typeProblems(program: Program, exercise: Exercise, exports: string[]): CompileProblem[] {
    const present = this.signaturesOf(exercise, exports);
    const file = this.project.getSourceFileOrThrow(`${STUDENT}/${exercise.id}/${exercise.file}`);
    const check = this.project.getSourceFileOrThrow(`${STUDENT}/${exercise.id}/__signatures.ts`);
    const signatures = program.getSemanticDiagnostics(check).map((d) => {
      const fn = present[(d.getLineNumber() ?? 3) - 3];
      return { kind: 'signature' as const, message: `${fn ?? 'an export'} does not have the signature of the exercise: ${flatten(d)}` };
    });
    return [...program.getSemanticDiagnostics(file).map((d) => problemFrom('type', d)), ...signatures];
  }

  /** A file so odd that the compiler itself gives up (e.g. nesting deep enough to overflow its stack) counts as a syntax error. */
  private parseOrFail(exercise: Exercise, source: string, hash: string, output: Transpiled | Error): Parsed {
    try {
      if (output instanceof Error) throw output;
      return this.parse(exercise, source, hash, output);
    } catch (error) {
      return { compiled: { hash, problems: [{ kind: 'syntax', message: `the file could not be compiled (${reason(error)})` }], exports: [], imports: [] } };
    }
  }

  private typeProblemsOrFail(program: Program, exercise: Exercise, exports: string[]): CompileProblem[] {
    try {
      return this.typeProblems(program, exercise, exports);
    } catch (error) {
      return [{ kind: 'type', message: `the type checker could not check this file (${reason(error)})` }];
    }
  }

  /** A student's file resolves other steps (and shared files) to the reference solutions, and nothing else at all. */
  private resolve(name: string, containing: string, host: ts.ModuleResolutionHost, options: ts.CompilerOptions): ts.ResolvedModuleFull | undefined {
    if (containing.startsWith(`${STUDENT}/`) && !containing.endsWith('/__signatures.ts')) {
      const step = parseSpecifier(name);
      const target = step ? `${REF}/${step.folder}/${step.name}.ts` : undefined;
      return target && this.project.getSourceFile(target) ? { resolvedFileName: target, extension: ts.Extension.Ts, isExternalLibraryImport: false } : undefined;
    }
    return ts.resolveModuleName(name, containing, options, host).resolvedModule;
  }
}

interface Parsed {
  compiled: CompiledFile;
  file?: SourceFile;
  /** the file had comments that would have hidden type errors */
  disarmed?: boolean;
}

const DISARMED_NOTE =
  'this file has `@ts-nocheck`, `@ts-ignore` or `@ts-expect-error` comments: they do not hide type errors from the grader, and its type errors are reported as they would be without them';

/**
 * The source the type checker sees: `@ts-nocheck`, `@ts-ignore` and `@ts-expect-error` would
 * hide type errors from the grade, so they are disarmed (`@ts_…`, the same length: lines and
 * columns stay). The code that runs is transpiled from the file as it is.
 */
export function disarmCheckDirectives(source: string): { text: string; disarmed: boolean } {
  let disarmed = false;
  const text = source.replace(CHECK_DIRECTIVE, (directive) => {
    disarmed = true;
    return directive.replace('@ts-', '@ts_');
  });
  return { text, disarmed };
}

/** A diagnostic's text, bounded: it can quote the student's names and types, of any length. */
function flatten(d: Diagnostic): string {
  const text = d.getMessageText();
  return clip(typeof text === 'string' ? text : ts.flattenDiagnosticMessageText(text.compilerObject, ' '));
}

function problemFromTs(kind: ProblemKind, d: ts.Diagnostic): CompileProblem {
  const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : undefined;
  return { kind, ...(line !== undefined ? { line } : {}), message: clip(ts.flattenDiagnosticMessageText(d.messageText, ' ')) };
}

function problemFrom(kind: ProblemKind, d: Diagnostic): CompileProblem {
  const line = d.getLineNumber();
  return { kind, ...(line !== undefined ? { line } : {}), message: flatten(d) };
}

const reason = (error: unknown): string => clip(error instanceof Error ? error.message : String(error));

/**
 * Compiles one student file for one exercise, in isolation: inside a reused in-memory
 * ts-morph project, the file's imports of other steps resolve to the reference
 * solutions, never to the student's other files. Results are cached by content hash,
 * so identical files (untouched stubs, shared answers) are compiled once per worker.
 */
import { createHash } from 'node:crypto';
import { type Diagnostic, Project, ts } from 'ts-morph';
import type { Exercise } from '../track';
import { exportedNames, findImportProblems, runtimeImports } from './imports';

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
const REF = '/kit/ref';
const STUDENT = '/kit/student';

const TRANSPILE_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  isolatedModules: true,
  verbatimModuleSyntax: false,
};

export class Compiler {
  private readonly project: Project;
  private readonly cache = new Map<string, CompiledFile>();

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
    for (const [name, source] of sources.shared) this.project.createSourceFile(`${REF}/shared/${name}.ts`, source);
    for (const exercise of track) this.project.createSourceFile(`${REF}/${exercise.id}/${exercise.file}`, sources.references.get(exercise.id) ?? '');
  }

  compile(exercise: Exercise, source: string, options: { typeCheck: boolean } = { typeCheck: true }): CompiledFile {
    const hash = createHash('sha256').update(`${exercise.id}\0${options.typeCheck}\0${source}`).digest('hex');
    const cached = this.cache.get(hash);
    if (cached) return cached;
    let compiled: CompiledFile;
    try {
      compiled = this.compileFresh(exercise, source, hash, options.typeCheck);
    } catch (error) {
      // a file so odd that the compiler itself gave up (e.g. nesting deep enough to overflow its stack)
      compiled = { hash, problems: [{ kind: 'syntax', message: `the file could not be compiled (${error instanceof Error ? error.message : String(error)})` }], exports: [], imports: [] };
    }
    this.cache.set(hash, compiled);
    return compiled;
  }

  private compileFresh(exercise: Exercise, source: string, hash: string, typeCheck: boolean): CompiledFile {
    const path = `${STUDENT}/${exercise.id}/${exercise.file}`;
    const file = this.project.createSourceFile(path, source, { overwrite: true });
    const program = this.project.getProgram();
    const syntax = program.getSyntacticDiagnostics(file).map((d) => problemFrom('syntax', d));
    if (syntax.length > 0) return { hash, problems: syntax.slice(0, MAX_DIAGNOSTICS), exports: [], imports: [] };

    const exports = exportedNames(file);
    const problems: CompileProblem[] = findImportProblems(file, exercise, this.track).map((p) => ({ kind: 'import', ...p }));
    if (typeCheck) {
      problems.push(...program.getSemanticDiagnostics(file).map((d) => problemFrom('type', d)));
      problems.push(...this.signatureProblems(exercise, exports));
    }
    const runnable = !problems.some((p) => p.kind === 'syntax' || p.kind === 'import');
    const js = runnable ? ts.transpileModule(source, { compilerOptions: TRANSPILE_OPTIONS, fileName: exercise.file }).outputText : undefined;
    return { hash, ...(js !== undefined ? { js } : {}), problems: problems.slice(0, MAX_DIAGNOSTICS), exports, imports: runtimeImports(file, exercise, this.track) };
  }

  /** Each exported function must be assignable to the reference's type: `const f: typeof Ref.f = Student.f`. */
  private signatureProblems(exercise: Exercise, exports: string[]): CompileProblem[] {
    const present = exercise.functions.filter((fn) => exports.includes(fn));
    if (present.length === 0) return [];
    const base = exercise.file.replace(/\.ts$/, '');
    const lines = [
      `import * as Student from './${base}';`,
      `import * as Reference from '${REF}/${exercise.id}/${base}';`,
      ...present.map((fn) => `export const ${fn}: typeof Reference.${fn} = Student.${fn};`),
    ];
    const check = this.project.createSourceFile(`${STUDENT}/${exercise.id}/__signatures.ts`, lines.join('\n'), { overwrite: true });
    return this.project
      .getProgram()
      .getSemanticDiagnostics(check)
      .map((d) => {
        const fn = present[(d.getLineNumber() ?? 3) - 3];
        return { kind: 'signature' as const, message: `${fn ?? 'an export'} does not have the signature of the exercise: ${flatten(d)}` };
      });
  }

  private resolve(name: string, containing: string, host: ts.ModuleResolutionHost, options: ts.CompilerOptions): ts.ResolvedModuleFull | undefined {
    if (containing.startsWith(`${STUDENT}/`)) {
      const step = /^\.\.\/(\d\d-[a-z0-9-]+|shared)\/([a-z0-9-]+)(?:\.(?:ts|js))?$/.exec(name);
      if (step) {
        const target = `${REF}/${step[1]}/${step[2]}.ts`;
        if (this.project.getSourceFile(target)) return { resolvedFileName: target, extension: ts.Extension.Ts, isExternalLibraryImport: false };
      }
    }
    return ts.resolveModuleName(name, containing, options, host).resolvedModule;
  }
}

function flatten(d: Diagnostic): string {
  const text = d.getMessageText();
  return typeof text === 'string' ? text : ts.flattenDiagnosticMessageText(text.compilerObject, ' ');
}

function problemFrom(kind: ProblemKind, d: Diagnostic): CompileProblem {
  const line = d.getLineNumber();
  return { kind, ...(line !== undefined ? { line } : {}), message: flatten(d) };
}

/**
 * TypeScript to the CommonJS the sandbox runs, one file at a time (no types, no other
 * files): `ts.transpileModule` for a single file, and the same for a student's files
 * at once, in one program, which costs about half as much as one program per file.
 */
import { ts } from 'ts-morph';

/** How every module the sandbox or the host loader runs is compiled: to CommonJS, one file at a time. */
export const TRANSPILE_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  // what runs is the code alone: files that differ only in comments run the same code (code-key.ts)
  removeComments: true,
  target: ts.ScriptTarget.ES2022,
  isolatedModules: true,
  verbatimModuleSyntax: false,
};

export interface Transpiled {
  js: string;
  /** syntax errors; the code is not run when there are any */
  diagnostics: readonly ts.Diagnostic[];
}

export function transpileToCommonJs(source: string, fileName: string): string {
  return transpileOne(source, fileName).js;
}

export function transpileOne(source: string, fileName: string): Transpiled {
  const output = ts.transpileModule(source, { compilerOptions: TRANSPILE_OPTIONS, fileName, reportDiagnostics: true });
  return { js: output.outputText, diagnostics: output.diagnostics ?? [] };
}

/** The options ts.transpileModule compiles with, for TRANSPILE_OPTIONS (see transpileWorker in TypeScript). */
function transpileModuleOptions(): ts.CompilerOptions {
  const options: ts.CompilerOptions = { ...ts.getDefaultCompilerOptions(), ...TRANSPILE_OPTIONS };
  const fixed = (ts as unknown as { transpileOptionValueCompilerOptions: { name: string; transpileOptionValue: unknown }[] }).transpileOptionValueCompilerOptions;
  for (const option of fixed) options[option.name] = option.transpileOptionValue as ts.CompilerOptionsValue;
  return { ...options, suppressOutputPathCheck: true, allowNonTsExtensions: true, declaration: false, declarationMap: false, noLib: true };
}

let batchOptions: ts.CompilerOptions | undefined;

/**
 * Transpiles several files as ts.transpileModule would each (test/compile.spec.ts checks
 * that the output is the same), in one program. Each file is still on its own: no lib, no
 * resolution, no type information. If the program fails (a file that overflows the
 * compiler's stack, say), each file is transpiled alone, so that only that file fails.
 */
export function transpileMany(files: { fileName: string; source: string }[]): (Transpiled | Error)[] {
  if (files.length > 1) {
    try {
      return transpileTogether(files);
    } catch {
      // one of the files breaks the compiler: find out which, below
    }
  }
  return files.map((f) => transpileOrError(f.source, f.fileName));
}

/** The files in one program; throws if the compiler fails on any of them. */
export function transpileTogether(files: { fileName: string; source: string }[]): Transpiled[] {
  batchOptions ??= transpileModuleOptions();
  // one folder per file: two exercises may use the same file name
  const names = files.map((f, i) => `/${i}/${f.fileName}`);
  const parsed = new Map(names.map((name, i) => [name, ts.createSourceFile(name, files[i].source, { languageVersion: ts.ScriptTarget.ES2022 })]));
  const outputs = new Map<string, string>();
  const host: ts.CompilerHost = {
    getSourceFile: (name) => parsed.get(name),
    writeFile: (name, text) => outputs.set(name, text),
    getDefaultLibFileName: () => 'lib.d.ts',
    useCaseSensitiveFileNames: () => true,
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => '/',
    getNewLine: () => '\n',
    fileExists: (name) => parsed.has(name),
    readFile: () => '',
    directoryExists: () => true,
    getDirectories: () => [],
  };
  const program = ts.createProgram(names, batchOptions, host);
  program.emit();
  return names.map((name) => {
    const js = outputs.get(name.replace(/\.ts$/, '.js'));
    if (js === undefined) throw new Error(`no output for ${name}`);
    return { js, diagnostics: program.getSyntacticDiagnostics(parsed.get(name)) };
  });
}

function transpileOrError(source: string, fileName: string): Transpiled | Error {
  try {
    return transpileOne(source, fileName);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

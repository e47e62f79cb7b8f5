/** The per-exercise compiler on its own: what a student file may do, and the problems it reports. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { type Transpiled, transpileMany, transpileOne, transpileTogether } from '../grader/compile/transpile';
import { kitPath } from '../grader/paths';
import { gradingKit, solutionSource } from './helpers/grading';

const compile = (exerciseId: string, source: string) => {
  const { compiler, track } = gradingKit();
  return compiler.compile(track.find((e) => e.id === exerciseId)!, source);
};

describe('compiler', () => {
  it('accepts the reference solutions without a problem', () => {
    for (const exercise of gradingKit().track) expect(compile(exercise.id, solutionSource(exercise.id)).problems, exercise.id).toEqual([]);
  });

  it('lets graded code print with console.log (the sandbox records it)', () => {
    const source = solutionSource('02-relu').replace('return z.map((v) => Math.max(0, v));', "console.log('relu of', z);\n  return z.map((v) => Math.max(0, v));");
    expect(compile('02-relu', source).problems).toEqual([]);
  });

  it('reports a type error with its line, and a wrong signature by function name', () => {
    const typeError = compile('02-relu', solutionSource('02-relu').replace('(v > 0 ? 1 : 0)', "(v > 0 ? '1' : 0)"));
    expect(typeError.problems[0]).toMatchObject({ kind: 'type', line: expect.any(Number) });
    const signature = compile('02-relu', solutionSource('02-relu').replace('export function relu(z: Vector): Vector', 'export function relu(z: number): number[]').replace('return z.map((v) => Math.max(0, v));', 'return [Math.max(0, z)];'));
    expect(signature.problems.map((p) => p.kind)).toContain('signature');
    expect(signature.problems.find((p) => p.kind === 'signature')?.message).toMatch(/^relu does not have the signature of the exercise/);
  });

  it('refuses Node built-ins, later exercises and dynamic imports, and allows earlier ones', () => {
    const withImport = (line: string) => compile('07-forward-pass', `${line}\n${solutionSource('07-forward-pass')}`);
    expect(withImport("import { readFileSync } from 'node:fs';").problems[0]?.message).toContain('"node:fs", which graded code may not use');
    expect(withImport("import { backwardPass } from '../12-backward-pass/backward-pass';").problems[0]?.kind).toBe('import');
    expect(withImport("const m = import('../02-relu/relu');").problems[0]?.message).toContain('dynamic import()');
    expect(withImport("import { reluDerivative } from '../02-relu/relu';").problems).toEqual([]);
  });

  it('reports syntax errors without running anything, and lists the imports that load at run time', () => {
    const broken = compile('03-sigmoid', 'export function sigmoid(z {');
    expect(broken.problems[0]?.kind).toBe('syntax');
    expect(broken.js).toBeUndefined();
    expect(compile('07-forward-pass', solutionSource('07-forward-pass')).imports).toEqual(['01-linear-forward', '02-relu', '03-sigmoid', '04-softmax']);
  });
});

describe('transpiling a student’s files together', () => {
  /** Every distinct TypeScript file under a folder. */
  const tsFiles = (dir: string): { fileName: string; source: string }[] =>
    readdirSync(kitPath(dir), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.ts') && !d.name.endsWith('.spec.ts'))
      .map((d) => ({ fileName: d.name, source: readFileSync(path.join(d.parentPath, d.name), 'utf8') }));
  // the solutions, the stubs, the catalogue's wrong variants, the hostile corpus and the example class
  const folders = ['solutions', 'exercises', 'grader/misconceptions/catalogue', 'test/fixtures/hostile/submissions', 'examples/submissions'];
  const corpus = [...new Map(folders.flatMap(tsFiles).map((f) => [f.source, f])).values()];
  const withSyntaxErrors = [
    { fileName: 'relu.ts', source: 'export function relu(z: number[] { return z; }' },
    { fileName: 'relu.ts', source: 'export const a = ;\nlet 1x = 2;' },
  ];
  const described = (t: Transpiled | Error) => (t instanceof Error ? `error: ${t.message}` : { js: t.js, syntax: t.diagnostics.map((d) => [d.start, ts.flattenDiagnosticMessageText(d.messageText, ' ')]) });

  it('gives exactly what transpiling each file alone gives: the same code, the same syntax errors', () => {
    const files = [...corpus, ...withSyntaxErrors];
    expect(corpus.length).toBeGreaterThan(100);
    const together = transpileTogether(files);
    files.forEach((file, i) => expect(described(together[i]), file.fileName).toEqual(described(transpileOne(file.source, file.fileName))));
    expect(together.at(-1)!.diagnostics.length).toBeGreaterThan(0);
  });

  it('a file that breaks the compiler fails alone; the others are transpiled', () => {
    const nested = { fileName: 'relu.ts', source: `export const x = ${'['.repeat(20_000)}1${']'.repeat(20_000)};` };
    const [first, broken, last] = transpileMany([corpus[0], nested, corpus[1]]);
    expect(described(first)).toEqual(described(transpileOne(corpus[0].source, corpus[0].fileName)));
    expect(broken).toBeInstanceOf(RangeError);
    expect(described(last)).toEqual(described(transpileOne(corpus[1].source, corpus[1].fileName)));
  });
});

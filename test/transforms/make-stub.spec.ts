/** Each stub transform on its own, on an in-memory ts-morph project. */
import { IndentationText, Project, QuoteKind } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { addNotImplementedImport, addStubHeader, makeStub, removePrivateHelpers, replaceExportedBodies, stubbedFunctions } from '../../grader/transforms/make-stub';

const SOLUTION = `import type { Vector } from '../shared/types';

/** Doubles. */
export function double(v: Vector): Vector {
  return v.map(twice);
}

function twice(x: number): number {
  return 2 * x;
}

const FACTOR = 2;

export interface Options {
  factor: number;
}
`;

const fresh = () =>
  new Project({ useInMemoryFileSystem: true, manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single } }).createSourceFile('/x/double.ts', SOLUTION);

describe('stub transforms', () => {
  it('replaceExportedBodies puts a TODO and the fixed throw in exported functions only', () => {
    const file = fresh();
    replaceExportedBodies(file, '99-double');
    const text = file.getFullText();
    expect(text).toContain("// TODO: implement double");
    expect(text).toContain("throw new NotImplementedError('99-double', 'double');");
    expect(text).toContain('return 2 * x;'); // the private helper is left to removePrivateHelpers
    expect(text).toContain('/** Doubles. */'); // doc comments stay
  });

  it('removePrivateHelpers drops unexported functions and variables, keeps exported types', () => {
    const file = fresh();
    removePrivateHelpers(file);
    const text = file.getFullText();
    expect(text).not.toContain('function twice');
    expect(text).not.toContain('FACTOR');
    expect(text).toContain('export interface Options');
  });

  it('addNotImplementedImport adds the import once, after the others', () => {
    const file = fresh();
    addNotImplementedImport(file);
    addNotImplementedImport(file);
    const imports = file.getImportDeclarations().map((d) => d.getModuleSpecifierValue());
    expect(imports).toEqual(['../shared/types', '../shared/not-implemented']);
  });

  it('addStubHeader names the exercise and how to run its specs', () => {
    const file = fresh();
    addStubHeader(file, '99-double', 'Doubling');
    expect(file.getFullText().startsWith('// Exercise 99-double: Doubling.\n// Replace each TODO')).toBe(true);
    expect(file.getFullText()).toContain('npx vitest exercises/99-double');
  });

  it('makeStub composes them; stubbedFunctions finds every stubbed export', () => {
    const file = fresh();
    const text = makeStub(file, { id: '99-double', title: 'Doubling' });
    expect(stubbedFunctions(file)).toEqual(['double']);
    expect(text).not.toContain('v.map(twice)');
    expect(stubbedFunctions(fresh())).toEqual([]);
  });
});

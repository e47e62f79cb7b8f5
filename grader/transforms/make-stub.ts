/**
 * Turns a reference solution into the stub a student starts from. Each step is a small
 * transform of a ts-morph SourceFile; `makeStub` applies them in order.
 */
import { Node, type SourceFile, SyntaxKind } from 'ts-morph';

export const NOT_IMPLEMENTED_MODULE = '../shared/not-implemented';

/** Replaces the body of every exported function with a TODO and a throw of the fixed error. */
export function replaceExportedBodies(file: SourceFile, exerciseId: string): void {
  for (const fn of file.getFunctions()) {
    if (!fn.isExported()) continue;
    const name = fn.getNameOrThrow();
    fn.setBodyText(
      [`// TODO: implement ${name} (see the comment above and README.md).`, `throw new NotImplementedError('${exerciseId}', '${name}');`].join('\n'),
    );
  }
}

/** Removes functions and variables that are not exported: they are part of the answer. */
export function removePrivateHelpers(file: SourceFile): void {
  for (const fn of file.getFunctions()) if (!fn.isExported()) fn.remove();
  for (const statement of file.getVariableStatements()) if (!statement.isExported()) statement.remove();
}

/** Adds `import { NotImplementedError } from '../shared/not-implemented'` after the last import. */
export function addNotImplementedImport(file: SourceFile): void {
  if (file.getImportDeclaration((d) => d.getModuleSpecifierValue() === NOT_IMPLEMENTED_MODULE)) return;
  file.insertImportDeclaration(file.getImportDeclarations().length, {
    namedImports: ['NotImplementedError'],
    moduleSpecifier: NOT_IMPLEMENTED_MODULE,
  });
}

/** Puts a short note for the student at the top of the file. */
export function addStubHeader(file: SourceFile, exerciseId: string, title: string): void {
  file.insertStatements(0, [
    `// Exercise ${exerciseId}: ${title}.`,
    `// Replace each TODO with your code. Check it with: npx vitest exercises/${exerciseId}`,
    `// Generated from the reference solution by \`backprop-kit stubs\`: keep the signatures.`,
    '',
  ]);
}

/** Lists every exported function whose body still throws NotImplementedError. */
export function stubbedFunctions(file: SourceFile): string[] {
  return file
    .getFunctions()
    .filter((fn) => fn.isExported())
    .filter((fn) =>
      (fn.getBody()?.getDescendantsOfKind(SyntaxKind.NewExpression) ?? []).some((e) => Node.isIdentifier(e.getExpression()) && e.getExpression().getText() === 'NotImplementedError'),
    )
    .map((fn) => fn.getNameOrThrow());
}

export function makeStub(file: SourceFile, exercise: { id: string; title: string }): string {
  removePrivateHelpers(file);
  replaceExportedBodies(file, exercise.id);
  addNotImplementedImport(file);
  addStubHeader(file, exercise.id, exercise.title);
  return file.getFullText();
}

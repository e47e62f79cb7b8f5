/**
 * Which modules graded code may import: earlier steps of the track (so no cycles) and
 * three shared files. Everything else — Node built-ins, packages, dynamic import(),
 * require() — is refused before the code runs, with a message that says why.
 */
import { Node, type SourceFile, ts } from 'ts-morph';
import { clip, STRING_KEPT } from '../checks/bounded';
import { parseSpecifier } from '../sandbox/module-code';
import type { Exercise } from '../track';

export const SHARED_MODULES = ['types', 'not-implemented', 'worked-example'] as const;

export interface ImportProblem {
  line: number;
  message: string;
}

/** The module id (`NN-slug` or `shared/name`) a specifier may load from `exercise`, or undefined. */
export function allowedImport(specifier: string, exercise: Exercise, track: Exercise[]): string | undefined {
  const parsed = parseSpecifier(specifier);
  if (!parsed) return undefined;
  const { folder, name } = parsed;
  if (folder === 'shared') return (SHARED_MODULES as readonly string[]).includes(name) ? `shared/${name}` : undefined;
  const position = track.findIndex((e) => e.id === exercise.id);
  const target = track.findIndex((e) => e.id === folder);
  return target >= 0 && target < position && track[target].file === `${name}.ts` ? folder : undefined;
}

/** Every import the file makes that graded code may not make, in the order they appear. */
export function findImportProblems(file: SourceFile, exercise: Exercise, track: Exercise[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const allowedList = () => `earlier exercises (../NN-name/file) and ../shared/{${SHARED_MODULES.join(',')}}`;
  const checkSpecifier = (specifier: string, node: Node, typeOnly: boolean): void => {
    if (typeOnly && /^\.\.\//.test(specifier)) return; // erased at compile time
    if (allowedImport(specifier, exercise, track)) return;
    problems.push({ line: node.getStartLineNumber(), message: `imports "${clip(specifier, STRING_KEPT)}", which graded code may not use (allowed: ${allowedList()})` });
  };
  for (const declaration of file.getImportDeclarations()) {
    checkSpecifier(declaration.getModuleSpecifierValue(), declaration, declaration.isTypeOnly());
  }
  for (const declaration of file.getExportDeclarations()) {
    const specifier = declaration.getModuleSpecifierValue();
    if (specifier !== undefined) checkSpecifier(specifier, declaration, declaration.isTypeOnly());
  }
  for (const directive of [...file.getPathReferenceDirectives(), ...file.getTypeReferenceDirectives(), ...file.getLibReferenceDirectives()]) {
    problems.push({ line: file.getLineAndColumnAtPos(directive.getPos()).line, message: `\`/// <reference … "${clip(directive.getFileName(), STRING_KEPT)}" />\` is not allowed in graded code` });
  }
  // one walk over the compiler's own nodes (wrapping every node would cost more than the rest of the parse)
  const source = file.compilerNode;
  const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isModuleDeclaration(node)) {
      // Declarations that reach beyond the file change the types every other file is checked with.
      const declared = ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword);
      if (declared || node.flags & ts.NodeFlags.GlobalAugmentation) {
        problems.push({ line: lineOf(node), message: '`declare global` and `declare module` are not allowed in graded code: they change the types of other files' });
      }
    } else if ((ts.isImportDeclaration(node) || (ts.isExportDeclaration(node) && node.moduleSpecifier)) && node.parent !== source) {
      // Only the file's top-level imports are checked above and loaded by the sandbox: one inside
      // a function or a \`module\`/\`namespace\` block would fail only once it ran.
      problems.push({ line: lineOf(node), message: 'an import or export … from inside a function or a `module`/`namespace` block is not allowed in graded code; import at the top of the file' });
    } else if (ts.isImportEqualsDeclaration(node)) {
      problems.push({ line: lineOf(node), message: '`import … = require(…)` is not allowed in graded code; use `import { … } from …`' });
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) problems.push({ line: lineOf(node), message: 'dynamic import() is not allowed in graded code' });
      else if (ts.isIdentifier(callee) && callee.text === 'require') {
        problems.push({ line: lineOf(node), message: 'require() is not allowed in graded code; use `import { … } from …`' });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems.sort((a, b) => a.line - b.line);
}

/** Names the file exports (functions, classes, variables, export lists), read from the syntax alone. */
export function exportedNames(file: SourceFile): string[] {
  const names = new Set<string>();
  for (const statement of file.getStatements()) {
    if ((Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement)) && statement.hasExportKeyword()) {
      const name = statement.getName();
      if (name) names.add(name);
    } else if (Node.isVariableStatement(statement) && statement.hasExportKeyword()) {
      for (const declaration of statement.getDeclarations()) names.add(declaration.getName());
    } else if (Node.isExportDeclaration(statement) && !statement.isTypeOnly()) {
      for (const specifier of statement.getNamedExports()) names.add(specifier.getAliasNode()?.getText() ?? specifier.getName());
    }
  }
  return [...names].sort();
}

/** The module ids the file loads at run time (type-only imports are erased). */
export function runtimeImports(file: SourceFile, exercise: Exercise, track: Exercise[]): string[] {
  const specifiers = [
    // `import type` is erased; anything else may load the module (a superset is harmless)
    ...file.getImportDeclarations().filter((d) => !d.isTypeOnly()).map((d) => d.getModuleSpecifierValue()),
    ...file.getExportDeclarations().filter((d) => !d.isTypeOnly()).flatMap((d) => d.getModuleSpecifierValue() ?? []),
  ];
  return [...new Set(specifiers.map((s) => allowedImport(s, exercise, track)).filter((id): id is string => id !== undefined))].sort();
}

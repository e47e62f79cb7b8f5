/**
 * A key for what a file's code means to the compiler, whatever its comments and layout: two
 * files with the same key have the same syntax tree, token for token, and the same pragmas,
 * so they type-check alike and compile to the same code (comments are not emitted). Students'
 * files often differ only in comments (names, notes) or spacing; their compiled result is
 * then computed once per worker.
 */
import { createHash } from 'node:crypto';
import { ts } from 'ts-morph';

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

/** `@ts-nocheck`, `@ts-ignore`, `@ts-expect-error`: comments the grader disarms (compiler.ts, and says so), so they are part of the key. */
export const CHECK_DIRECTIVE = /@ts-(nocheck|ignore|expect-error)/g;

/**
 * The key of `source`, or undefined where it cannot be given: a file with syntax errors (its
 * problems name lines, which comments move) or one the printer cannot print.
 */
export function codeKey(fileName: string, source: string, context: string): string | undefined {
  try {
    const file = ts.createSourceFile(fileName, source, { languageVersion: ts.ScriptTarget.ES2022 }, false, ts.ScriptKind.TS);
    if (parseDiagnosticsOf(file).length > 0) return undefined;
    const digest = createHash('sha256').update(`${context}\0`);
    // comments that change what the compiler does: triple-slash references, pragmas, check directives
    digest.update(JSON.stringify([file.referencedFiles, file.typeReferenceDirectives, file.libReferenceDirectives].map((refs) => refs.map((r) => r.fileName))));
    digest.update(JSON.stringify([...pragmasOf(file)].map(([name, value]) => [name, (Array.isArray(value) ? value : [value]).map((v: { arguments?: unknown }) => v.arguments)])));
    digest.update(source.search(CHECK_DIRECTIVE) >= 0 ? '\0directives' : '\0none');
    if (scansAlone(file)) {
      // every token with its text, and whether trivia (space, a comment) came before it
      const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, source);
      let started = false;
      let afterTrivia = false;
      for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
        if (TRIVIA.has(kind)) afterTrivia = started; // what comes before the first token is no separator
        else {
          digest.update(`${afterTrivia ? ' ' : ''}${kind}:${scanner.getTokenText()}\0`);
          started = true;
          afterTrivia = false;
        }
      }
    } else {
      // the tree printed back without comments: exactly the code (the printer writes every token
      // the tree holds), in one layout
      digest.update(printer.printFile(file));
    }
    return digest.digest('hex');
  } catch {
    return undefined; // e.g. nesting that overflows the printer's stack: compiled the usual way
  }
}

const TRIVIA = new Set([
  ts.SyntaxKind.WhitespaceTrivia,
  ts.SyntaxKind.NewLineTrivia,
  ts.SyntaxKind.SingleLineCommentTrivia,
  ts.SyntaxKind.MultiLineCommentTrivia,
  ts.SyntaxKind.ShebangTrivia,
  ts.SyntaxKind.ConflictMarkerTrivia,
]);

/**
 * Whether the scanner alone, without the parser, reads the file's tokens as the parser does:
 * it cannot tell a regular expression from a division, nor where a template's text resumes
 * after `${…}`, so files with either are keyed by the printed tree instead.
 */
function scansAlone(file: ts.SourceFile): boolean {
  const plain = (node: ts.Node): boolean =>
    node.kind !== ts.SyntaxKind.RegularExpressionLiteral && node.kind !== ts.SyntaxKind.TemplateExpression && node.kind !== ts.SyntaxKind.TemplateLiteralType && !ts.forEachChild(node, (child) => !plain(child) || undefined);
  return plain(file);
}

/** What the parser found wrong (the same list the compiler reports as syntax errors). */
function parseDiagnosticsOf(file: ts.SourceFile): readonly ts.Diagnostic[] {
  return (file as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
}

function pragmasOf(file: ts.SourceFile): Map<string, unknown> {
  return (file as unknown as { pragmas?: Map<string, unknown> }).pragmas ?? new Map();
}

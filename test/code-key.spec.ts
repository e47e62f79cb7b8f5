/**
 * Files that differ only in comments or layout share a compiled result (grader/compile/code-key.ts);
 * files that differ in any token, pragma or check directive never do.
 */
import { describe, expect, it } from 'vitest';
import { codeKey } from '../grader/compile/code-key';
import { Compiler } from '../grader/compile/compiler';
import { readKitSources } from '../grader/compile/kit-sources';
import { KIT_ROOT } from '../grader/paths';
import { gradingKit, solutionSource } from './helpers/grading';

const key = (source: string) => codeKey('relu.ts', source, '02-relu\0true');
const BASE = `import type { Vector } from '../shared/types';

export function relu(z: Vector): Vector {
  let out = z.map((v) => (v > 0 ? v : 0));
  return out;
}
`;

describe('the code key', () => {
  it('is the same whatever the comments and line breaks', () => {
    const commented = `// Ada Lovelace, group 3\n/** my notes */\n${BASE.replace('let out', '// keep the positive part\n  let   out').replace('return out;', 'return out; /* done */')}\n\n`;
    expect(key(commented)).toBe(key(BASE));
  });

  it('differs when any token differs, including operators and declaration kinds the tree keeps outside its children', () => {
    const variants = [
      BASE.replace('let out', 'const out'),
      BASE.replace('let out', 'var out'),
      BASE.replace('v > 0', 'v >= 0'),
      BASE.replace('? v : 0', '? -v : 0'),
      BASE.replace('? v : 0', '? +v : 0'),
      BASE.replace('? v : 0', '? !v : 0'),
      BASE.replace(': 0)', ': 0.0)'),
      BASE.replace('import type {', 'import {'),
      BASE.replace("'../shared/types'", "'../shared/types.ts'"),
      BASE.replace('return out;', 'return out.slice();'),
    ];
    const keys = new Set([BASE, ...variants].map(key));
    expect(keys.size).toBe(variants.length + 1);
    expect([...keys].every((k) => typeof k === 'string')).toBe(true);
  });

  it('reads regular expressions and templates through the parser (a scanner alone would take `//` in a regex for a comment)', () => {
    const regex = (tail: string) => `export const r = /[//]/; export const s = ${tail};\n`;
    expect(key(regex('1'))).not.toBe(key(regex('2')));
    const template = (text: string) => 'export const t = (a: number) => `${a} ' + text + '`;\n';
    expect(key(template("' x"))).not.toBe(key(template("' y")));
    expect(key(`// note\n${regex('1')}`)).toBe(key(regex('1')));
  });

  it('keeps the comments the compiler reads: triple-slash references and check directives', () => {
    expect(key(`/// <reference lib="dom" />\n${BASE}`)).not.toBe(key(BASE));
    expect(key(BASE.replace('return out;', '// @ts-ignore\n  return out;'))).not.toBe(key(BASE.replace('return out;', '// ts ignore\n  return out;')));
  });

  it('is given for no file with a syntax error (its problems name lines, which comments move), and depends on the exercise', () => {
    expect(key('export function relu(z {')).toBeUndefined();
    expect(codeKey('relu.ts', BASE, '03-sigmoid\0true')).not.toBe(key(BASE));
  });
});

describe('compiling files that differ only in comments', () => {
  const fresh = () => new Compiler(gradingKit().track, readKitSources(KIT_ROOT, gradingKit().track));
  const relu = () => gradingKit().track.find((e) => e.id === '02-relu')!;

  it('gives the result of the same code, under each file’s own hash, and runs no comment', () => {
    const compiler = fresh();
    const source = solutionSource('02-relu');
    const [first, second] = compiler.compileMany([
      { exercise: relu(), source: `// written by student A, a.student@example.edu\n${source}` },
      { exercise: relu(), source: `// written by student B\n\n${source}` },
    ]);
    expect(first.problems).toEqual([]);
    expect(second.hash).not.toBe(first.hash);
    expect({ ...second, hash: '' }).toEqual({ ...first, hash: '' });
    expect(first.js).not.toContain('student A');
    // a later student's file with the same code comes from the first one's result
    const [third] = compiler.compileMany([{ exercise: relu(), source: `/* C */\n${source}` }]);
    expect(third.js).toBe(first.js);
  });

  it('compiles a file with problems on its own: the lines it names are its own', () => {
    const compiler = fresh();
    const wrong = solutionSource('02-relu').replace('(v > 0 ? 1 : 0)', "(v > 0 ? '1' : 0)");
    const [plain] = compiler.compileMany([{ exercise: relu(), source: wrong }]);
    const [shifted] = compiler.compileMany([{ exercise: relu(), source: `// one line more\n${wrong}` }]);
    expect(plain.problems[0]).toMatchObject({ kind: 'type' });
    expect(shifted.problems[0]?.line).toBe(plain.problems[0]!.line! + 1);
  });
});

/**
 * `backprop-kit progress` on a student's course: the public specs run in-process, only
 * those whose code changed since the last run; aligned columns; exit 0 unless --check.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kitPath } from '../grader/paths';
import { columns, importClosure } from '../grader/student/progress';
import { loadTrack } from '../grader/track';
import { runCli } from './helpers/cli';

const temp = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-course-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A student's course: the stubs, with the given exercises' files replaced. */
function course(name: string, files: Record<string, string> = {}): string {
  const root = path.join(temp, name);
  cpSync(kitPath('exercises'), path.join(root, 'exercises'), { recursive: true });
  symlinkSync(kitPath('node_modules'), path.join(root, 'node_modules'), 'dir');
  writeFileSync(path.join(root, 'package.json'), '{ "type": "module" }\n');
  for (const [to, from] of Object.entries(files)) cpSync(kitPath(from), path.join(root, 'exercises', to));
  return root;
}
const progress = (root: string, ...args: string[]) => runCli(['progress', '--dir', root, ...args]);

describe('backprop-kit progress', () => {
  const root = course('some-done', {
    '01-linear-forward/linear-forward.ts': 'solutions/01-linear-forward/linear-forward.ts',
    '03-sigmoid/sigmoid.ts': 'grader/misconceptions/catalogue/sigmoid-derivative-input-as-output/sigmoid.ts',
  });

  it('shows done, in progress and not started in aligned columns, leads to the next exercise, and exits 0', () => {
    const result = progress(root);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    const rows = lines.filter((l) => /^ {2}(#|\d\d) /.test(l));
    expect(rows).toHaveLength(17);
    expect(rows[1]).toMatch(/^ {2}01 {2}Linear layer forward \(x·W \+ b\) +4\/4 {2}✓ done$/);
    expect(rows[2]).toMatch(/ 0\/4 {2}· not started$/);
    expect(rows[3]).toMatch(/ 4\/6 {2}… in progress$/);
    // every row's specs column ends, and its state column starts, at the same place as the header's
    const specsEnd = rows[0]!.indexOf('specs') + 'specs'.length;
    for (const row of rows) expect([...row.slice(0, specsEnd)].length, row).toBe(specsEnd);
    for (const row of rows.slice(1)) expect(row.slice(specsEnd - 1, specsEnd + 2), row).toMatch(/^\d {2}$/);
    expect(result.stdout).toContain('1/16 exercises done. Next: 02-relu (ReLU and its derivative), 0/4 specs pass');
  });

  it('names the likely mistake of the next exercise when a known mistake makes it fail', () => {
    const sigmoid = course('sigmoid-next', Object.fromEntries([
      ...loadTrack().slice(0, 2).map((e) => [`${e.id}/${e.file}`, `solutions/${e.id}/${e.file}`]),
      ['03-sigmoid/sigmoid.ts', 'grader/misconceptions/catalogue/sigmoid-derivative-input-as-output/sigmoid.ts'],
    ]));
    const result = progress(sigmoid);
    expect(result.stdout).toContain('Next: 03-sigmoid');
    expect(result.stdout).toMatch(/first failure: sigma'\(h2_in\)\[0\] is .*\n +Likely mistake: σ′\(z\) computed as z·\(1 − z\), from the input \(exercise 03-sigmoid\)\.\n/);
  });

  it('--check exits 1 while exercises are left, naming how many', () => {
    const result = progress(root, '--check');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('15 of 16 exercises are not done yet');
  });

  it('runs again only the exercises whose code changed since the last run', () => {
    progress(root);
    const cacheFile = path.join(root, '.backprop-kit', 'progress.json');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as { exercises: Record<string, { tests: { state: string }[] }> };
    // a planted result for 02 (unchanged code) is believed; 01, whose file changes, is run again
    cache.exercises['02-relu']!.tests = cache.exercises['02-relu']!.tests.map(() => ({ state: 'passed' }));
    writeFileSync(cacheFile, JSON.stringify(cache));
    cpSync(kitPath('exercises', '01-linear-forward', 'linear-forward.ts'), path.join(root, 'exercises', '01-linear-forward', 'linear-forward.ts'));
    const result = progress(root);
    expect(result.stdout).toMatch(/^ {2}01 .* 0\/4 {2}· not started$/m);
    expect(result.stdout).toMatch(/^ {2}02 .* 4\/4 {2}✓ done$/m);
  });

  it('a course with every exercise done passes --check', () => {
    const files = Object.fromEntries(loadTrack().map((e) => [`${e.id}/${e.file}`, `solutions/${e.id}/${e.file}`]));
    const result = progress(course('all-done', files), '--check');
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('All 16 exercises done.');
  });

  it('a spec that does not load (a syntax error) shows as in progress, with the error', () => {
    const broken = course('broken');
    writeFileSync(path.join(broken, 'exercises', '01-linear-forward', 'linear-forward.ts'), 'export const x = ;\n');
    const result = progress(broken);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^ {2}01 .* 0\/1 {2}… in progress$/m);
    expect(result.stdout).toMatch(/first failure: Transform failed.*\n +exercises\/01-linear-forward\/linear-forward\.ts:1:17: ERROR/);
  });
});

describe('progress helpers', () => {
  it('columns pads by characters, right-aligns the columns asked', () => {
    expect(columns([['#', 'name', 'n'], ['1', 'σ′', '10'], ['2', 'ab', '3']], [2])).toEqual(['  #  name   n', '  1  σ′    10', '  2  ab     3']);
  });

  it('importClosure follows relative imports through exercises and shared files', () => {
    const files = importClosure(kitPath('exercises', '07-forward-pass', 'forward-pass.spec.ts')).map((f) => path.relative(kitPath('exercises'), f));
    expect(files).toEqual(expect.arrayContaining(['07-forward-pass/forward-pass.ts', '01-linear-forward/linear-forward.ts', '03-sigmoid/sigmoid.ts', 'shared/expect-close.ts', 'shared/known-mistakes.json']));
    expect(files).not.toContain('12-backward-pass/backward-pass.ts');
  });
});

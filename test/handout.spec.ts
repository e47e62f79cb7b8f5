/**
 * The student handout, as a student gets it: built by `backprop-kit handout`, with no
 * solutions and no hidden specs; with the kit's node_modules (nothing new installed) its
 * public specs fail on the stubs as not implemented, its tools (progress, hint, trace)
 * and its type check work, and `npm run learn` serves the vitest UI.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kitPath } from '../grader/paths';
import { runCli } from './helpers/cli';

const temp = mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-handout-'));
const handout = path.join(temp, 'course');
let ui: ChildProcess | undefined;

beforeAll(() => {
  const built = runCli(['handout', '--out', handout]);
  expect(built.status, built.stderr).toBe(0);
  symlinkSync(kitPath('node_modules'), path.join(handout, 'node_modules'), 'dir');
}, 120_000);
afterAll(() => {
  ui?.kill('SIGKILL');
  rmSync(temp, { recursive: true, force: true });
});

const files = (): string[] =>
  readdirSync(handout, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !path.relative(handout, d.parentPath).startsWith('node_modules'))
    .map((d) => path.relative(handout, path.join(d.parentPath, d.name)).split(path.sep).join('/'));
const tool = (args: string[]) => runCli(args, { cwd: handout, bin: path.join(handout, 'tools', 'backprop-kit.js') });
const vitest = (args: string[]) =>
  spawnSync(process.execPath, [path.join(handout, 'node_modules', 'vitest', 'vitest.mjs'), ...args], { cwd: handout, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 180_000 });

describe('backprop-kit handout', () => {
  it('holds the exercises, READMEs, hints, public specs, docs and tools — and no solution or hidden spec', () => {
    const list = files();
    for (const exercise of readdirSync(kitPath('exercises')).filter((d) => /^\d\d-/.test(d))) {
      for (const name of ['README.md', 'hints.md']) expect(list, `${exercise}/${name}`).toContain(`exercises/${exercise}/${name}`);
      expect(list.some((f) => f.startsWith(`exercises/${exercise}/`) && f.endsWith('.spec.ts'))).toBe(true);
    }
    expect(list).toEqual(expect.arrayContaining(['package.json', 'README.md', 'vitest.config.ts', 'tsconfig.json', 'docs/errata.md', 'tools/backprop-kit.js']));
    expect(list.filter((f) => /solutions\/|hidden|misconceptions|oracle|sandbox\/sandbox|\/run\//.test(f))).toEqual([]);
    // the stubs, not the solutions: every exercise file is the generated stub
    for (const stub of list.filter((f) => /^exercises\/\d\d-[^/]+\/[^/]+\.ts$/.test(f) && !f.endsWith('.spec.ts'))) {
      expect(readFileSync(path.join(handout, stub), 'utf8'), stub).toBe(readFileSync(kitPath(stub), 'utf8'));
    }
  });

  it('its public specs all fail on the untouched stubs, with the not-implemented error', () => {
    const result = vitest(['run', '--reporter=json', `--outputFile=${path.join(temp, 'report.json')}`]);
    const report = JSON.parse(readFileSync(path.join(temp, 'report.json'), 'utf8')) as { numTotalTests: number; numFailedTests: number; testResults: { assertionResults: { failureMessages: string[] }[] }[] };
    expect(result.status).not.toBe(0);
    expect(report.numTotalTests).toBeGreaterThan(50);
    expect(report.numFailedTests).toBe(report.numTotalTests);
    const messages = report.testResults.flatMap((f) => f.assertionResults.map((a) => a.failureMessages[0] ?? ''));
    expect(messages.every((m) => m.startsWith('NotImplementedError: TODO:'))).toBe(true);
  });

  it('type-checks (npm run typecheck)', () => {
    const result = spawnSync(process.execPath, [path.join(handout, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', handout], { encoding: 'utf8' });
    expect(result.status, result.stdout).toBe(0);
  });

  it('progress, hint and trace work on the student’s own code', () => {
    cpSync(kitPath('solutions', '01-linear-forward', 'linear-forward.ts'), path.join(handout, 'exercises', '01-linear-forward', 'linear-forward.ts'));
    const progress = tool(['progress']);
    expect(progress.status, progress.stderr).toBe(0);
    expect(progress.stdout).toMatch(/01 +Linear layer forward.*4\/4 +✓ done/);
    expect(progress.stdout).toMatch(/02 +ReLU.*0\/4 +· not started/);
    expect(progress.stdout).toContain('Next: 02-relu');
    expect(tool(['hint', '2']).stdout).toContain('02-relu — hint 1 of 3');
    const trace = tool(['trace']);
    expect(trace.stdout).toMatch(/^h1_in +01 linearForward +✓/m);
    expect(trace.stdout).toMatch(/^h1_out +02 relu +TODO/m);
    expect(trace.stdout).toContain('First divergence: h1_out has no value (not implemented yet). It is relu\'s, in exercise 02-relu');
    expect(existsSync(path.join(handout, '.backprop-kit', 'hints.json'))).toBe(true);
  });

  it('trace --html writes the picture of the gradient flow', () => {
    const page = tool(['trace', '--html', 'flow.html']);
    expect(page.status, page.stderr).toBe(0);
    expect(readFileSync(path.join(handout, 'flow.html'), 'utf8')).toMatch(/<svg id="gradient-flow" class="flow" role="img"/);
  });

  it('npm run learn serves the vitest UI, keeps watching without a terminal, and leads with the next exercise', async () => {
    const port = 51_000 + Math.floor(Math.random() * 1000);
    const learn = (JSON.parse(readFileSync(path.join(handout, 'package.json'), 'utf8')) as { scripts: { learn: string } }).scripts.learn.split(' ');
    expect(learn[0]).toBe('vitest');
    // stdin is not a terminal here, as under an IDE's task runner or nohup
    let out = '';
    ui = spawn(process.execPath, [path.join(handout, 'node_modules', 'vitest', 'vitest.mjs'), ...learn.slice(1), '--open=false', `--api.port=${port}`, '--api.host=127.0.0.1'], { cwd: handout, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    ui.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    let page = '';
    for (let attempt = 0; attempt < 240 && !(page.includes('<title>Vitest') && out.includes('get a hint')); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      page = await fetch(`http://127.0.0.1:${port}/__vitest__/`).then((r) => (r.ok ? r.text() : ''), () => '');
    }
    expect(page).toContain('<title>Vitest');
    const summary = out.slice(out.indexOf('backprop-kit:'));
    expect(summary.split('\n')[1]).toMatch(/^\d+\/16 exercises done\. Next: \d\d-[a-z-]+ /);
    expect(summary).toMatch(/every failure, in full: http:\/\/127\.0\.0\.1:\d+\/__vitest__\//);
    expect(out.split('\n').length).toBeLessThan(30);
    expect(out).not.toContain('NotImplementedError');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(ui.exitCode).toBeNull(); // still watching
  }, 150_000);

  it('its README is Markdown with no HTML entities', () => {
    const readme = readFileSync(path.join(handout, 'README.md'), 'utf8');
    expect(readme).toContain("| The article's loss, differentiated correctly |");
    expect(readme).not.toMatch(/&(#x?[0-9a-f]+|amp|lt|gt|quot);/i);
  });

  it('a failing spec points at the student’s file, not the course’s helpers, and names a known mistake', () => {
    const sigmoid = path.join(handout, 'exercises', '03-sigmoid', 'sigmoid.ts');
    const stub = readFileSync(sigmoid, 'utf8');
    cpSync(kitPath('grader', 'misconceptions', 'catalogue', 'sigmoid-derivative-input-as-output', 'sigmoid.ts'), sigmoid);
    try {
      const result = vitest(['run', 'exercises/02-relu', 'exercises/03-sigmoid']);
      expect(result.status).not.toBe(0);
      // vitest prints each failure as its message, then its frames, each on a line starting with ❯
      const lines = `${result.stdout}\n${result.stderr}`.split('\n');
      const firstFrames = lines.flatMap((line, at) => (/^(NotImplementedError|Error): /.test(line) ? [lines.slice(at).find((l) => l.startsWith(' ❯ '))!.slice(3)] : []));
      expect(firstFrames.length).toBeGreaterThanOrEqual(6);
      expect(firstFrames.filter((f) => /shared\//.test(f!))).toEqual([]);
      expect(firstFrames).toContainEqual(expect.stringMatching(/^relu exercises\/02-relu\/relu\.ts:\d+:\d+$/));
      expect(result.stdout + result.stderr).toContain('Likely mistake: σ′(z) computed as z·(1 − z), from the input (exercise 03-sigmoid).');
    } finally {
      writeFileSync(sigmoid, stub);
    }
  });
});

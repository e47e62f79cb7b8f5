/**
 * Builds the student handout: the exercises (stubs, public specs, READMEs, hints), the
 * student docs, and the student's tools — and nothing of the grader, the solutions or
 * the hidden specs. The tools are found by following imports from the student command
 * line (ts-morph), so a new import is carried along and a secret one cannot sneak in.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { Project, SyntaxKind } from 'ts-morph';
import { CLASSROOM_WORKFLOW, classroomWorkflow } from './classroom';
import { KitError } from './errors';
import { type Lockfile, type Manifest, pruneLockfile } from './lockfile';
import { KIT_ROOT, kitPath } from './paths';
import type { GradingConfig } from './scoring/config';
import { editedWorkError, stubsState } from './stubs';
import { loadTrack } from './track';

const STUDENT_DOCS = ['docs/errata.md', 'docs/math.md'];
/** the student command line, and the reporter of npm run learn */
const TOOLS_ENTRIES = ['grader/cli/student-main.ts', 'grader/student/learn-reporter.ts'];
/** Kit files that never go into a handout, whatever imports say (checked on the kit path). */
const FORBIDDEN = [/^solutions\//, /^test\//, /^examples\//, /^grader\/(hidden|misconceptions|oracle|run|compile|reports|scoring|results|intake|gradescope)\//, /^grader\/sandbox\/(sandbox|bootstrap)\.ts$/];

/** Kit files the student tools need: the entries and every kit file they import, transitively. */
export function toolFiles(): string[] {
  const project = new Project({ useInMemoryFileSystem: false, skipAddingFilesFromTsConfig: true });
  const found = new Set<string>();
  const visit = (file: string): void => {
    const rel = path.relative(KIT_ROOT, file).split(path.sep).join('/');
    if (found.has(rel)) return;
    found.add(rel);
    const source = project.addSourceFileAtPath(file);
    const specifiers = [
      ...source.getImportDeclarations().map((d) => d.getModuleSpecifierValue()),
      ...source.getExportDeclarations().flatMap((d) => d.getModuleSpecifierValue() ?? []),
      ...source
        .getDescendantsOfKind(SyntaxKind.CallExpression)
        .filter((c) => c.getExpression().getKind() === SyntaxKind.ImportKeyword)
        .flatMap((c) => c.getArguments()[0]?.asKind(SyntaxKind.StringLiteral)?.getLiteralValue() ?? []),
    ];
    for (const specifier of specifiers.filter((s) => s.startsWith('.'))) {
      const target = path.resolve(path.dirname(file), specifier);
      const candidate = [target, `${target}.ts`].find((f) => existsSync(f) && f.endsWith('.ts'));
      if (candidate && path.relative(KIT_ROOT, candidate).startsWith('grader')) visit(candidate);
    }
  };
  for (const entry of TOOLS_ENTRIES) visit(kitPath(entry));
  return [...found].sort();
}

export interface HandoutOptions {
  force?: boolean;
  /** add the GitHub Classroom workflow, with the points of this config */
  classroom?: { config: GradingConfig };
}

export function buildHandout(outDir: string, options: HandoutOptions = {}): string[] {
  const out = path.resolve(outDir);
  // points Classroom cannot give stop the handout before anything is written
  const workflow = options.classroom ? classroomWorkflow(options.classroom.config, loadTrack()) : undefined;
  if (existsSync(out) && readdirSync(out).length > 0 && !options.force) {
    throw new KitError('HANDOUT_FAILED', `${out} is not empty`, 'Choose a new folder, or pass --force to write over it.');
  }
  assertStubsReady();

  const written: string[] = [];
  const write = (rel: string, content: string | Buffer): void => {
    mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    writeFileSync(path.join(out, rel), content);
    written.push(rel);
  };
  const copy = (from: string, to = from): void => {
    if (FORBIDDEN.some((re) => re.test(from))) throw new KitError('HANDOUT_FAILED', `refusing to put ${from} in a handout`, 'Instructor-only files must not be imported by the student tools.');
    write(to, readFileSync(kitPath(from)));
  };

  for (const entry of readdirSync(kitPath('exercises'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) copy(path.relative(KIT_ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  }
  for (const doc of STUDENT_DOCS) copy(doc);
  // the tools keep their relative imports: grader/x → tools/x sits at the same depth
  for (const file of toolFiles()) copy(file, file.replace(/^grader\//, 'tools/'));
  copy('vitest.config.ts');
  write('tools/backprop-kit.js', readFileSync(kitPath('templates', 'handout', 'backprop-kit.js')));
  const { manifest, lock } = handoutInstall();
  write('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
  write('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
  write('tsconfig.json', readFileSync(kitPath('templates', 'handout', 'tsconfig.json')));
  write('.gitignore', 'node_modules/\n.backprop-kit/\n');
  // an unsupported Node is refused by npm in one line, before any install script runs
  write('.npmrc', 'engine-strict=true\n');
  const readme = Handlebars.create();
  readme.registerHelper('inc', (n: number) => n + 1);
  if (workflow) write(CLASSROOM_WORKFLOW, workflow);
  // Markdown, not HTML: no entity escaping (`The article's loss`, not `The article&#x27;s loss`)
  write('README.md', readme.compile(readFileSync(kitPath('templates', 'handout', 'README.md.hbs'), 'utf8'), { noEscape: true })({ exercises: loadTrack() }));
  return written.sort();
}

/** A handout carries the stubs as the solutions generate them: not someone's edited work, not an old stub. */
export function assertStubsReady(root: string = KIT_ROOT): void {
  const { stale, edited } = stubsState(undefined, root);
  if (edited.length > 0) throw editedWorkError(edited);
  if (stale.length > 0) throw new KitError('STUBS_OUT_OF_DATE', `the stubs are out of date (${stale.map((s) => s.file).join(', ')})`, 'Run `backprop-kit stubs` first (it overwrites only untouched stubs), so the handout matches the solutions.');
}

/**
 * The handout's package.json, and its lock: the kit's own cut down to the handout's
 * dependencies, so `npm ci` installs what the kit was tested with.
 */
export function handoutInstall(): { manifest: Manifest; lock: Lockfile } {
  const kit = JSON.parse(readFileSync(kitPath('package.json'), 'utf8')) as Manifest & { engines: unknown; dependencies: Record<string, string>; devDependencies: Record<string, string>; allowScripts: Record<string, boolean> };
  const pick = (from: Record<string, string>, names: string[]) => Object.fromEntries(names.map((n) => [n, from[n]]));
  const manifest = handoutManifest(kit.engines, pick(kit.dependencies, ['vitest', '@vitest/ui', '@vitest/runner', 'tsx', 'commander', 'zod']), pick(kit.devDependencies, ['typescript', '@types/node']));
  const lock = pruneLockfile(JSON.parse(readFileSync(kitPath('package-lock.json'), 'utf8')) as Lockfile, manifest);
  // the kit's reviewed install scripts, for the packages the handout installs too (npm's allowScripts)
  const withScripts = new Set(Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript).map(([at]) => at.slice(at.lastIndexOf('node_modules/') + 'node_modules/'.length)));
  manifest.allowScripts = Object.fromEntries(Object.entries(kit.allowScripts).filter(([name]) => withScripts.has(name)));
  return { manifest, lock };
}

function handoutManifest(engines: unknown, dependencies: Record<string, string>, devDependencies: Record<string, string>): Manifest {
  return {
    name: 'backprop-course',
    version: '1.0.0',
    private: true,
    description: 'Backpropagation, step by step, on a fully worked example.',
    type: 'module',
    engines,
    bin: { 'backprop-kit': 'tools/backprop-kit.js' },
    scripts: {
      test: 'vitest run',
      // --watch: keep watching without a terminal too (IDE task runners, nohup)
      learn: 'vitest --ui --watch --reporter=./tools/student/learn-reporter.ts',
      progress: 'node tools/backprop-kit.js progress',
      hint: 'node tools/backprop-kit.js hint',
      trace: 'node tools/backprop-kit.js trace',
      typecheck: 'tsc --noEmit',
    },
    dependencies,
    devDependencies,
  };
}


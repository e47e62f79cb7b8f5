/**
 * Builds the Gradescope autograder zip: the kit's grading files (grader with its hidden
 * specs, solutions, exercises, templates, the lockfile), setup.sh and run_autograder at
 * the root, and the course config with its secret baked in as course-config.json. The
 * same kit, config and secret always give the same bytes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import yazl from 'yazl';
import { KitError } from '../errors';
import { isIgnoredPath } from '../intake/tree';
import { KIT_ROOT, kitPath } from '../paths';
import { writeFileAtomic } from '../results/atomic';
import { loadCourseConfig } from '../scoring/course-config';

/** What the grader reads at run time; tests, examples and docs stay out. */
const KIT_FOLDERS = ['bin', 'grader', 'solutions', 'exercises', 'templates'];
const KIT_FILES = ['package.json', 'package-lock.json', '.npmrc', 'tsconfig.json'];
export const BAKED_CONFIG = 'course-config.json';
const SCRIPTS = ['setup.sh', 'run_autograder'];
// a fixed date: the zip depends on its contents only
const MTIME = new Date('2026-01-01T00:00:00Z');

export interface AutograderBundle {
  file: string;
  entries: string[];
  /** false when no course secret was given (the hidden inputs are then predictable) */
  secret: boolean;
}

export async function buildAutograder(out: string, options: { configFile?: string; secret?: string } = {}): Promise<AutograderBundle> {
  const file = path.resolve(out);
  if (!file.endsWith('.zip')) throw new KitError('OUTPUT_UNSAFE', `${out} does not end in .zip`, 'Name the autograder file, e.g. --out autograder.zip');
  const config = loadCourseConfig(options.configFile);
  const secret = options.secret ?? process.env.BACKPROP_KIT_SECRET ?? config.secret;
  const files = new Map<string, { content: Buffer; executable: boolean }>();
  for (const rel of kitFiles()) files.set(rel, { content: readFileSync(kitPath(rel)), executable: false });
  for (const script of SCRIPTS) files.set(script, { content: readFileSync(kitPath('templates', 'gradescope', script)), executable: true });
  files.set(BAKED_CONFIG, { content: Buffer.from(`${JSON.stringify({ ...config, ...(secret ? { secret } : {}) }, null, 2)}\n`), executable: false });

  const zip = new yazl.ZipFile();
  const entries = [...files.keys()].sort();
  for (const name of entries) {
    const { content, executable } = files.get(name)!;
    zip.addBuffer(content, name, { mtime: MTIME, mode: executable ? 0o100755 : 0o100644 });
  }
  zip.end();
  writeFileAtomic(file, await buffer(zip.outputStream));
  return { file, entries, secret: Boolean(secret) };
}

function kitFiles(): string[] {
  const found = KIT_FILES.filter((name) => existsSync(kitPath(name)));
  for (const folder of KIT_FOLDERS) {
    for (const entry of readdirSync(kitPath(folder), { recursive: true, withFileTypes: true })) {
      const rel = path.relative(KIT_ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      if (entry.isFile() && !isIgnoredPath(rel)) found.push(rel);
    }
  }
  // the kit's own script templates are at the zip's root already
  return found.filter((rel) => !rel.startsWith('templates/gradescope/'));
}

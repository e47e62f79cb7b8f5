/**
 * A simulated Gradescope container for the autograder's tests and benchmark: the zip
 * unpacked into <root>/source, a submission in <root>/submission, run_autograder copied to
 * <root> and run there with AUTOGRADER_ROOT=<root>, as Gradescope does.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import type { AutograderResults } from '../../grader/reports/gradescope-autograder';

export interface ZipEntry {
  name: string;
  mode: number;
  content: Buffer;
}

/** Node on PATH as the tests run it, npm's cache under the kit's node_modules (filled once, then used offline). */
export const autograderEnv = (npmCache: string): NodeJS.ProcessEnv => ({ ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`, npm_config_cache: npmCache });

/** Unpacks the zip into `source`, keeping the files' modes (the scripts are executable). */
export async function unpackAutograder(zipFile: string, source: string): Promise<ZipEntry[]> {
  const entries = await readZip(zipFile);
  for (const entry of entries) {
    mkdirSync(path.dirname(path.join(source, entry.name)), { recursive: true });
    writeFileSync(path.join(source, entry.name), entry.content, { mode: entry.mode & 0o777 });
  }
  return entries;
}

export interface AutograderRun {
  status: number | null;
  output: string;
  results?: AutograderResults;
}

/**
 * Grades one submission (a student folder, whose contents are uploaded, or a zip, uploaded as
 * it is) in a root of its own that shares the unpacked `source`. `command` wraps the run,
 * e.g. ['/usr/bin/time', '-v'].
 */
export async function runAutograder(options: { source: string; root: string; submission: string; studentId: string; env: NodeJS.ProcessEnv; command?: string[]; onSpawn?: (pid: number) => void }): Promise<AutograderRun> {
  const { root } = options;
  mkdirSync(path.join(root, 'submission'), { recursive: true });
  mkdirSync(path.join(root, 'results'), { recursive: true });
  symlinkSync(options.source, path.join(root, 'source'), 'dir');
  const isZip = options.submission.endsWith('.zip');
  cpSync(options.submission, isZip ? path.join(root, 'submission', path.basename(options.submission)) : path.join(root, 'submission'), { recursive: true });
  writeFileSync(path.join(root, 'submission_metadata.json'), JSON.stringify({ id: 1, users: [{ email: `${options.studentId}@example.edu`, name: options.studentId, sid: options.studentId }] }));
  // Gradescope copies run_autograder to the root and runs it there
  cpSync(path.join(options.source, 'run_autograder'), path.join(root, 'run_autograder'));
  const [program, ...args] = [...(options.command ?? []), path.join(root, 'run_autograder')];
  const child = spawn(program!, args, { cwd: root, env: { ...options.env, AUTOGRADER_ROOT: root } });
  if (child.pid !== undefined) options.onSpawn?.(child.pid);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const resultsFile = path.join(root, 'results', 'results.json');
  return { status, output, ...(existsSync(resultsFile) ? { results: JSON.parse(readFileSync(resultsFile, 'utf8')) as AutograderResults } : {}) };
}

function readZip(file: string): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries: ZipEntry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.push({ name: entry.fileName, mode: (entry.externalFileAttributes >>> 16) & 0o7777, content: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

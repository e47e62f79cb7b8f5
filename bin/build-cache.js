/**
 * JavaScript builds of the kit's TypeScript entry points (the command line, the grading
 * worker), made with esbuild on first use and made again whenever a source file changes.
 * A manifest lists every input of a build with its size and modification time: checking
 * it costs one stat per file, far less than compiling TypeScript at every start, and no
 * install step is needed. Builds live under node_modules/.cache/backprop-kit, so that
 * their bare imports resolve to the kit's node_modules.
 *
 * Plain JavaScript: the command line loads it before anything can compile TypeScript.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The command line: commands load their modules when they run, so it is split into chunks. */
export const CLI_BUILD = { name: 'cli', entry: 'grader/cli/main.ts', splitting: true, packagesExternal: true };

/**
 * The build of `spec.entry` that matches the sources as they are now, made if needed.
 * `file`: the entry's output; `hash`: a hash of all its output; `built`: made by this call.
 *
 * @param {string} kitRoot
 * @param {{ name: string; entry: string; external?: string[]; packagesExternal?: boolean; splitting?: boolean }} spec
 * @returns {Promise<{ file: string; hash: string; built: boolean }>}
 */
export async function freshBuild(kitRoot, spec) {
  const cacheDir = path.join(kitRoot, 'node_modules', '.cache', 'backprop-kit');
  const manifestFile = path.join(cacheDir, `${spec.name}.json`);
  // a manifest answers for the build it was written for, by this version of this file
  const key = JSON.stringify({ format: 1, spec });
  const fresh = freshManifest(kitRoot, cacheDir, manifestFile, key);
  if (fresh) return { file: path.join(cacheDir, fresh.file), hash: fresh.hash, built: false };

  const { build } = await import('esbuild');
  const started = Date.now();
  const result = await build({
    absWorkingDir: kitRoot,
    entryPoints: [path.join(kitRoot, spec.entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    splitting: Boolean(spec.splitting),
    outdir: path.join(cacheDir, 'out'),
    // outside the kit's package scope (node_modules ends it), .mjs is what says "ES module"
    outExtension: { '.js': '.mjs' },
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    ...(spec.packagesExternal ? { packages: 'external' } : { external: spec.external ?? [] }),
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const outputs = [...result.outputFiles].sort((a, b) => (a.path < b.path ? -1 : 1));
  const digest = createHash('sha256');
  for (const output of outputs) digest.update(`${path.basename(output.path)}\0${output.text}\0`);
  const hash = digest.digest('hex').slice(0, 16);
  const dirName = `${spec.name}-${hash}`;
  const outDir = path.join(cacheDir, dirName);
  if (!existsSync(outDir)) {
    // written whole under another name, then renamed: a concurrent run never sees half a build
    const temporary = `${outDir}.tmp-${randomBytes(6).toString('hex')}`;
    mkdirSync(temporary, { recursive: true });
    for (const output of outputs) writeFileSync(path.join(temporary, path.basename(output.path)), output.text);
    try {
      renameSync(temporary, outDir);
    } catch (error) {
      rmSync(temporary, { recursive: true, force: true });
      if (!existsSync(outDir)) throw error;
    }
  }
  const entryOutput = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === spec.entry);
  const file = `${dirName}/${path.basename(entryOutput?.[0] ?? '')}`;
  const inputs = {};
  let settled = true;
  for (const input of Object.keys(result.metafile.inputs)) {
    const stat = statSync(path.join(kitRoot, input));
    // changed while esbuild read it: the build may hold the old text, so it is not recorded as fresh
    if (stat.mtimeMs >= started - 1000) settled = false;
    inputs[input] = [stat.size, stat.mtimeMs];
  }
  if (settled) writeAtomically(manifestFile, JSON.stringify({ key, file, hash, inputs }));
  return { file: path.join(cacheDir, file), hash, built: true };
}

/** The manifest, if its build exists and every input has the size and modification time recorded. */
function freshManifest(kitRoot, cacheDir, manifestFile, key) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    return undefined; // never built, or unreadable: build
  }
  if (manifest?.key !== key || typeof manifest.file !== 'string' || !existsSync(path.join(cacheDir, manifest.file))) return undefined;
  for (const [input, [size, mtimeMs]] of Object.entries(manifest.inputs ?? {})) {
    const stat = statSync(path.join(kitRoot, input), { throwIfNoEntry: false });
    if (!stat || stat.size !== size || stat.mtimeMs !== mtimeMs) return undefined;
  }
  return manifest;
}

function writeAtomically(file, text) {
  const temporary = `${file}.tmp-${randomBytes(6).toString('hex')}`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** Reads the kit's reference solutions and shared files, and compiles them for the sandbox. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModuleCode } from '../sandbox/sandbox';
import type { Exercise } from '../track';
import { SHARED_MODULES } from './imports';
import type { KitSources } from './compiler';
import { TRANSPILE_OPTIONS, transpileMany } from './transpile';
import { ts } from 'ts-morph';

export function readKitSources(kitRoot: string, track: Exercise[]): KitSources {
  const references = new Map(track.map((e) => [e.id, readFileSync(path.join(kitRoot, 'solutions', e.id, e.file), 'utf8')]));
  const shared = new Map(SHARED_MODULES.map((name) => [name, readFileSync(path.join(kitRoot, 'exercises', 'shared', `${name}.ts`), 'utf8')]));
  return { references, shared };
}

/** The reference solutions and shared files as sandbox modules, keyed by module id (transpiled in one program: half the cost). */
export function kitModules(sources: KitSources, track: Exercise[]): Map<string, ModuleCode> {
  const files = [
    ...[...sources.shared].map(([name, source]) => ({ id: `shared/${name}`, fileName: `${name}.ts`, source })),
    ...track.map((exercise) => ({ id: exercise.id, fileName: exercise.file, source: sources.references.get(exercise.id) ?? '' })),
  ];
  const transpiled = transpileMany(files);
  return new Map(
    files.map((file, i) => {
      const output = transpiled[i];
      if (output instanceof Error) throw output;
      return [file.id, { id: file.id, js: output.js, kit: true }];
    }),
  );
}

/** A hash of everything kitModules' output depends on: the compiler's version, its options, every source (kit-modules-file.ts). */
export function kitModulesKey(sources: KitSources): string {
  const hash = createHash('sha256').update(JSON.stringify({ typescript: ts.version, options: TRANSPILE_OPTIONS }));
  for (const [name, source] of [...sources.shared].sort()) hash.update(`\0shared/${name}\0${source}`);
  for (const [id, source] of [...sources.references].sort()) hash.update(`\0${id}\0${source}`);
  return hash.digest('hex');
}

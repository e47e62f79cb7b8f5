/** Reads the kit's reference solutions and shared files, and compiles them for the sandbox. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModuleCode } from '../sandbox/sandbox';
import type { Exercise } from '../track';
import { SHARED_MODULES } from './imports';
import type { KitSources } from './compiler';
import { transpileMany } from './transpile';

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

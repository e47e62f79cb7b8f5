/** Reads the kit's reference solutions and shared files, and compiles them for the sandbox. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModuleCode } from '../sandbox/sandbox';
import type { Exercise } from '../track';
import { SHARED_MODULES } from './imports';
import type { KitSources } from './compiler';
import { transpileToCommonJs } from './transpile';

export function readKitSources(kitRoot: string, track: Exercise[]): KitSources {
  const references = new Map(track.map((e) => [e.id, readFileSync(path.join(kitRoot, 'solutions', e.id, e.file), 'utf8')]));
  const shared = new Map(SHARED_MODULES.map((name) => [name, readFileSync(path.join(kitRoot, 'exercises', 'shared', `${name}.ts`), 'utf8')]));
  return { references, shared };
}

/** The reference solutions and shared files as sandbox modules, keyed by module id. */
export function kitModules(sources: KitSources, track: Exercise[]): Map<string, ModuleCode> {
  const modules = new Map<string, ModuleCode>();
  for (const [name, source] of sources.shared) modules.set(`shared/${name}`, { id: `shared/${name}`, js: transpileToCommonJs(source, `${name}.ts`), kit: true });
  for (const exercise of track) {
    modules.set(exercise.id, { id: exercise.id, js: transpileToCommonJs(sources.references.get(exercise.id) ?? '', exercise.file), kit: true });
  }
  return modules;
}

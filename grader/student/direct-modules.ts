/**
 * Imports a student's exercise files into this process (for the student's own tools,
 * where the code is their own). Each file is imported on its own, so a syntax error in
 * one exercise leaves the others usable. Needs the tsx loader (the CLI registers it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InvokeOutcome, Subject } from '../checks/runner';
import { directSubject, type ModuleExports } from '../sandbox/host-modules';
import type { Exercise } from '../track';

export async function importExercises(exercisesDir: string, track: Exercise[]): Promise<Map<string, ModuleExports | string>> {
  const modules = new Map<string, ModuleExports | string>();
  for (const exercise of track) {
    const file = path.join(exercisesDir, exercise.id, exercise.file);
    if (!existsSync(file)) {
      modules.set(exercise.id, `${path.relative(process.cwd(), file)} does not exist`);
      continue;
    }
    try {
      modules.set(exercise.id, (await import(pathToFileURL(file).href)) as ModuleExports);
    } catch (error) {
      modules.set(exercise.id, `${exercise.file} could not be loaded: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  return modules;
}

export function withImported(modules: ReadonlyMap<string, ModuleExports | string>) {
  return (exerciseId: string, body: (subject: Subject) => void): string | undefined => {
    const module = modules.get(exerciseId);
    if (module === undefined || typeof module === 'string') return module ?? 'not loaded';
    body(directSubject(() => module));
    return undefined;
  };
}

/** Calls into the imported modules by exercise id (the trace's cascade); a string says why an exercise cannot run. */
export function invokeImported(modules: Map<string, ModuleExports | string>) {
  return (exerciseId: string, fn: string, args: unknown[]): InvokeOutcome | string => {
    const module = modules.get(exerciseId);
    if (module === undefined || typeof module === 'string') return module ?? 'not loaded';
    return directSubject(() => module).invoke(fn, args);
  };
}

/**
 * Loads everything a grading worker needs once: compiler, reference modules, hidden specs and
 * the misconception detector, for a track and catalogue already read and checked (the main
 * process sends them: a worker then has no need of the schema library, a tenth of a second of
 * its start).
 */
import type { HiddenSpec } from '../checks/dsl';
import { Compiler } from '../compile/compiler';
import { readKitModules } from '../compile/kit-modules-file';
import { kitModules, kitModulesKey, readKitSources } from '../compile/kit-sources';
import { HIDDEN_SPECS } from '../hidden';
import type { Misconception } from '../misconceptions/catalogue-file';
import { MisconceptionDetector } from '../misconceptions/detect';
import { type ModuleCode, type SandboxLimits, StudentSandbox } from '../sandbox/sandbox';
import type { Exercise } from '../track';
import type { GradingKit } from './grade-student';

/** The track and catalogue a kit is loaded with (kit-description.ts reads them). */
export interface KitDescription {
  track: Exercise[];
  catalogue: Misconception[];
}

/** `compiled`: the reference modules, when this call compiled them (none were kept for these sources) — for the main process to keep. */
export function loadGradingKit(kitRoot: string, { track, catalogue }: KitDescription): GradingKit & { compiled?: { key: string; modules: ModuleCode[] } } {
  const sources = readKitSources(kitRoot, track);
  const key = kitModulesKey(sources);
  const kept = readKitModules(kitRoot, key);
  const modules = kept ?? kitModules(sources, track);
  const specs = new Map<string, HiddenSpec>(HIDDEN_SPECS.map((s) => [s.exercise, s]));
  const sandboxes = new Map<string, StudentSandbox>();
  return {
    track,
    sandbox(limits: SandboxLimits) {
      const key = `${limits.timeoutMs}/${limits.memoryMb}`;
      let sandbox = sandboxes.get(key);
      if (!sandbox) sandboxes.set(key, (sandbox = new StudentSandbox(limits)));
      return sandbox;
    },
    compiler: new Compiler(track, sources),
    kitModules: modules,
    specs,
    detector: new MisconceptionDetector(catalogue, kitRoot, modules),
    ...(kept ? {} : { compiled: { key, modules: [...modules.values()] } }),
  };
}

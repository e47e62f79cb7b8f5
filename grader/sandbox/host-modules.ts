/**
 * Runs trusted CommonJS modules (the reference solutions, the misconception catalogue)
 * in this process, with the same module ids and the same call semantics as the sandbox:
 * arguments are copied in, `{ __kitFn }` arguments become functions. Never used for
 * student code.
 */
import type { InvokeOutcome, Subject } from '../checks/runner';
import { type ModuleCode, parseSpecifier } from './module-code';

export type ModuleExports = Record<string, unknown>;

export class HostModules {
  private readonly loaded = new Map<string, ModuleExports>();

  constructor(private readonly code: Map<string, ModuleCode>) {}

  /** A registry in which `overrides` replace modules of the same id. */
  with(overrides: ModuleCode[]): HostModules {
    const code = new Map(this.code);
    for (const module of overrides) code.set(module.id, module);
    return new HostModules(code);
  }

  load(id: string): ModuleExports {
    const existing = this.loaded.get(id);
    if (existing) return existing;
    const module = this.code.get(id);
    if (!module) throw new Error(`module ${id} is not available`);
    const record = { exports: {} as ModuleExports };
    this.loaded.set(id, record.exports);
    const factory = new Function('exports', 'require', 'module', module.js) as (e: ModuleExports, r: (s: string) => unknown, m: typeof record) => void;
    factory(record.exports, (specifier) => this.load(resolveSpecifier(id, specifier)), record);
    this.loaded.set(id, record.exports);
    return record.exports;
  }

  subject(id: string): Subject {
    return directSubject(() => this.load(id));
  }
}

/** `../02-relu/relu` → `02-relu`; `../shared/types` → `shared/types`. */
export function resolveSpecifier(from: string, specifier: string): string {
  const parsed = parseSpecifier(specifier);
  if (!parsed) throw new Error(`cannot import "${specifier}" from ${from}`);
  return parsed.folder === 'shared' ? `shared/${parsed.name}` : parsed.folder;
}

/** A Subject that calls a module in this process (for trusted code and for the kit's own tests). */
export function directSubject(getExports: () => ModuleExports): Subject {
  return {
    invoke(fn, args): InvokeOutcome {
      try {
        const target = getExports()[fn];
        if (typeof target !== 'function') return { ok: false, error: { name: 'MissingExport', message: `${fn} is not exported as a function`, notImplemented: false } };
        const decoded = structuredClone(args).map(decodeFunctionArg);
        const result = (target as (...a: unknown[]) => unknown)(...decoded);
        return { ok: true, result: structuredClone(result), argsAfter: decoded.map((a) => (typeof a === 'function' ? null : structuredClone(a))) };
      } catch (error) {
        const name = error instanceof Error ? error.name : `a thrown ${typeof error}`;
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { name, message, notImplemented: name === 'NotImplementedError' } };
      }
    },
  };
}

function decodeFunctionArg(arg: unknown): unknown {
  const source = arg !== null && typeof arg === 'object' ? (arg as { __kitFn?: unknown }).__kitFn : undefined;
  return typeof source === 'string' ? new Function(`"use strict"; return (${source});`)() : arg;
}

/** A compiled CommonJS module, as the sandbox and the host-side loader take it. */
export interface ModuleCode {
  /** `NN-slug` for a step, `shared/<name>` for a shared file */
  id: string;
  js: string;
  /** the kit's own code (reference solutions, shared files): compiled once per isolate and reused */
  kit?: boolean;
}

/**
 * How graded code names another module: `../02-relu/relu` (a step) or `../shared/types`
 * (a shared file), with or without `.ts`/`.js`. The one definition of it: the import rules,
 * the type checker's resolution, the host loader and the sandbox's loader all read it.
 */
export const MODULE_SPECIFIER = /^\.\.\/(\d\d-[a-z0-9-]+|shared)\/([a-z0-9-]+)(?:\.(?:ts|js))?$/;

/** The folder (`NN-slug` or `shared`) and file name a specifier points at, or undefined. */
export function parseSpecifier(specifier: string): { folder: string; name: string } | undefined {
  const match = MODULE_SPECIFIER.exec(specifier);
  return match ? { folder: match[1], name: match[2] } : undefined;
}

export interface BuildSpec {
  /** names the build's folder and manifest under node_modules/.cache/backprop-kit */
  name: string;
  /** the TypeScript entry point, relative to the kit's root */
  entry: string;
  /** packages left to node_modules */
  external?: string[];
  /** every package left to node_modules */
  packagesExternal?: boolean;
  /** split modules loaded with import() into chunks of their own */
  splitting?: boolean;
}

export const CLI_BUILD: BuildSpec;

export function freshBuild(kitRoot: string, spec: BuildSpec): Promise<{ file: string; hash: string; built: boolean }>;

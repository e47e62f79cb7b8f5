/**
 * A package-lock.json for the handout, cut from the kit's own: the handout depends on a
 * subset of the kit's packages, so the same installed tree, minus what the handout cannot
 * reach, is a lock that `npm ci` accepts — with no registry call when it is written, and
 * exactly the versions the kit was tested with.
 */

/** One entry of a lockfile v3 `packages` map (the fields this module reads). */
interface LockedPackage {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  [field: string]: unknown;
}

export interface Lockfile {
  name: string;
  version: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockedPackage>;
}

export interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [field: string]: unknown;
}

/** Where Node would find `name` when required from the package installed at `from` ('' is the root). */
function resolveInstalled(packages: Lockfile['packages'], from: string, name: string): string | undefined {
  for (let at = from; ; ) {
    const candidate = at === '' ? `node_modules/${name}` : `${at}/node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (at === '') return undefined;
    const parent = at.lastIndexOf('/node_modules/');
    at = parent === -1 ? '' : at.slice(0, parent);
  }
}

/** Every installed path reachable from `roots`, and those reachable through required (not optional) edges only. */
function reach(packages: Lockfile['packages'], roots: Record<string, string>): { all: Set<string>; required: Set<string> } {
  const all = new Set<string>();
  const required = new Set<string>();
  const queue: { from: string; name: string; optional: boolean }[] = Object.keys(roots).map((name) => ({ from: '', name, optional: false }));
  while (queue.length > 0) {
    const edge = queue.shift()!;
    const at = resolveInstalled(packages, edge.from, edge.name);
    if (at === undefined) {
      if (edge.optional) continue; // an optional dependency for another platform, not installed
      throw new Error(`${edge.name} (needed by ${edge.from || 'the handout'}) is not in the kit's package-lock.json`);
    }
    const seenRequired = required.has(at);
    if (all.has(at) && (edge.optional || seenRequired)) continue;
    all.add(at);
    if (!edge.optional) required.add(at);
    const entry = packages[at]!;
    const optionalPeers = new Set(Object.entries(entry.peerDependenciesMeta ?? {}).filter(([, m]) => m.optional).map(([n]) => n));
    for (const name of Object.keys(entry.dependencies ?? {})) queue.push({ from: at, name, optional: edge.optional });
    for (const name of Object.keys(entry.optionalDependencies ?? {})) queue.push({ from: at, name, optional: true });
    for (const name of Object.keys(entry.peerDependencies ?? {})) queue.push({ from: at, name, optional: edge.optional || optionalPeers.has(name) });
  }
  return { all, required };
}

/** The kit's lock cut down to what `manifest` (the handout's package.json) installs. */
export function pruneLockfile(kitLock: Lockfile, manifest: Manifest): Lockfile {
  const { packages } = kitLock;
  const prod = reach(packages, manifest.dependencies ?? {});
  const everything = reach(packages, { ...manifest.dependencies, ...manifest.devDependencies });
  const kept: Lockfile['packages'] = {
    '': {
      name: manifest.name,
      version: manifest.version,
      ...(manifest.dependencies ? { dependencies: manifest.dependencies } : {}),
      ...(manifest.devDependencies ? { devDependencies: manifest.devDependencies } : {}),
      ...(manifest.bin ? { bin: manifest.bin } : {}),
      ...(manifest.engines ? { engines: manifest.engines } : {}),
    },
  };
  for (const at of [...everything.all].sort()) {
    // the kit's flags describe the kit's tree; the handout's own are worked out afresh
    const { dev: _dev, optional: _optional, devOptional: _devOptional, peer: _peer, ...entry } = packages[at]!;
    const dev = !prod.all.has(at);
    const optional = !everything.required.has(at);
    kept[at] = { ...entry, ...(dev ? { dev: true } : {}), ...(optional ? { optional: true } : {}) };
  }
  return { name: manifest.name, version: manifest.version, lockfileVersion: 3, requires: true, packages: kept };
}

/**
 * The kit's compiled reference modules kept between runs (grader/compile/kit-modules-file.ts):
 * what is read back is what the compiler gives, a changed source changes the key, and a file
 * or message that is not what it should be is never used.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kitModulesFile, readKitModules, storeKitModules } from '../grader/compile/kit-modules-file';
import { kitModules, kitModulesKey, readKitSources } from '../grader/compile/kit-sources';
import { KIT_ROOT } from '../grader/paths';
import { loadTrack } from '../grader/track';

const track = loadTrack();
const sources = readKitSources(KIT_ROOT, track);
const key = kitModulesKey(sources);
const tempKit = (): string => mkdtempSync(path.join(os.tmpdir(), 'backprop-kit-kit-modules-'));

describe('the kept reference modules', () => {
  it('read back exactly as the compiler made them', () => {
    const root = tempKit();
    const compiled = kitModules(sources, track);
    storeKitModules(root, key, [...compiled.values()]);
    expect(readKitModules(root, key)).toEqual(compiled);
  });

  it('are kept under a key that changes with any source, and with nothing else', () => {
    expect(kitModulesKey(readKitSources(KIT_ROOT, track))).toBe(key);
    const [id, source] = [...sources.references][5];
    const changed = { ...sources, references: new Map([...sources.references, [id, `${source}\n// a comment`]]) };
    expect(kitModulesKey(changed)).not.toBe(key);
    const [name, shared] = [...sources.shared][0];
    expect(kitModulesKey({ ...sources, shared: new Map([...sources.shared, [name, `${shared} `]]) })).not.toBe(key);
  });

  it('are not used from a file that is not a list of modules, and none is kept from such a message or under a key that is not a hash', () => {
    const root = tempKit();
    const file = kitModulesFile(root, key);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify([{ id: '02-relu' }]));
    expect(readKitModules(root, key)).toBeUndefined();
    writeFileSync(file, '[{"id": "02-relu", "js": "exports.relu = 1;"}');
    expect(readKitModules(root, key)).toBeUndefined();

    const other = tempKit();
    storeKitModules(other, key, { modules: 'not a list' });
    storeKitModules(other, key, [{ id: '02-relu', js: 42 }]);
    expect(existsSync(kitModulesFile(other, key))).toBe(false);
    storeKitModules(other, '../../../escape', [{ id: '02-relu', js: '' }]);
    expect(existsSync(path.join(other, 'node_modules'))).toBe(false);
    expect(() => kitModulesFile(other, '../x')).toThrow(/not a kit modules key/);
  });
});

/**
 * The second line of defence: what a grading worker's process may do, under the flags the
 * pool gives it (Node's permission model). Student code never reaches Node (the sandbox has
 * no Node API, as the hostile corpus shows); this is what code would get if it escaped the
 * isolate into the worker.
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIT_ROOT } from '../../grader/paths';
import { permissionFlags } from '../../grader/run/pool';

const PROBE = String.raw`
const fs = require('node:fs');
const [kit, port] = process.argv.slice(-2);
const out = {};
const probe = (name, fn) => { try { fn(); out[name] = 'allowed'; } catch (error) { out[name] = error.code || String(error.message); } };
probe('read the kit (the worker loads it)', () => fs.readFileSync(kit + '/package.json'));
probe('read /etc/passwd', () => fs.readFileSync('/etc/passwd'));
probe('list the temp folder', () => fs.readdirSync(require('node:os').tmpdir()));
probe('write in the kit', () => fs.writeFileSync(kit + '/backprop-kit-pwned', 'pwned'));
probe('write in the temp folder', () => fs.writeFileSync(require('node:os').tmpdir() + '/backprop-kit-pwned', 'pwned'));
probe('start a process', () => require('node:child_process').execFileSync('true'));
probe('start a worker thread', () => new (require('node:worker_threads').Worker)('1', { eval: true }));
const socket = require('node:net').connect(Number(port), '127.0.0.1');
socket.on('connect', () => { out['connect to 127.0.0.1'] = 'allowed'; socket.destroy(); done(); });
socket.on('error', (error) => { out['connect to 127.0.0.1'] = error.code || String(error.message); done(); });
function done() { process.stdout.write(JSON.stringify(out)); }
`;

let server: Server;
let port = 0;
let result: Record<string, string>;

beforeAll(async () => {
  server = createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  // the same flags as a grading worker (the bundle's folder is readable too; here, the kit's own)
  const flags = permissionFlags(KIT_ROOT, path.join(KIT_ROOT, 'node_modules', '.cache', 'backprop-kit', 'worker.mjs'));
  const child = spawnSync(process.execPath, [...flags, '-e', PROBE, KIT_ROOT, String(port)], { encoding: 'utf8', timeout: 30_000 });
  result = JSON.parse(child.stdout || '{}') as Record<string, string>;
}, 60_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a grading worker process (Node permission model)', () => {
  it('may read the kit, and nothing else', () => {
    expect(result['read the kit (the worker loads it)']).toBe('allowed');
    expect(result['read /etc/passwd']).toBe('ERR_ACCESS_DENIED');
    expect(result['list the temp folder']).toBe(os.tmpdir().startsWith(KIT_ROOT) ? 'allowed' : 'ERR_ACCESS_DENIED');
  });

  it('may not write anywhere, start a process or start a worker thread', () => {
    expect(result['write in the kit']).toBe('ERR_ACCESS_DENIED');
    expect(result['write in the temp folder']).toBe('ERR_ACCESS_DENIED');
    expect(result['start a process']).toBe('ERR_ACCESS_DENIED');
    expect(result['start a worker thread']).toBe('ERR_ACCESS_DENIED');
  });

  it('may open a network connection when Node has no network permission (Node 22 and 24: a known gap, docs/security.md)', () => {
    const nodeRestrictsNetwork = process.allowedNodeEnvironmentFlags.has('--allow-net');
    expect(result['connect to 127.0.0.1']).toBe(nodeRestrictsNetwork ? 'ERR_ACCESS_DENIED' : 'allowed');
  });
});

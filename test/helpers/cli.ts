/** Runs the backprop-kit command line in a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { KIT_ROOT, kitPath } from '../../grader/paths';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number; bin?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [options.bin ?? kitPath('bin', 'backprop-kit.js'), ...args], {
    cwd: options.cwd ?? KIT_ROOT,
    env: { ...process.env, ...options.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

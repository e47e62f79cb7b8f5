/**
 * The hostile suite on a busy machine: two busy loops (`node -e "for(;;){}"`) compete for the
 * cores while test/hostile/hostile.spec.ts runs. Every verdict must be the same as on a quiet
 * machine, because the limits count CPU time (docs/security.md, "Verdicts that do not depend
 * on load"). Run by CI:
 *
 *   npx tsx test/hostile/under-load.ts
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const KIT = fileURLToPath(new URL('../..', import.meta.url));
const loops = [0, 1].map(() => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
const stopLoops = (): void => {
  for (const loop of loops) loop.kill('SIGKILL');
};
process.on('SIGINT', () => {
  stopLoops();
  process.exit(130);
});
process.on('SIGTERM', () => {
  stopLoops();
  process.exit(143);
});

const vitest = spawn(process.execPath, [fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url)), 'run', '--config', 'test/vitest.config.ts', 'test/hostile/hostile.spec.ts'], {
  cwd: KIT,
  stdio: 'inherit',
});
vitest.on('close', (code, signal) => {
  stopLoops();
  process.stdout.write(`hostile suite under two busy loops: ${code === 0 ? 'passed' : `failed (${signal ?? `exit code ${code}`})`}\n`);
  process.exit(code ?? 1);
});

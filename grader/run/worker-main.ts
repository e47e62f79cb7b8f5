/**
 * A grading worker process. The main process forks it with Node's permission model
 * (read-only access to the kit, no writes, no child processes); it asks for the track and
 * catalogue, loads the kit once, then grades one student per message. Student code never
 * runs here: it runs in isolated-vm isolates created by the sandbox.
 */
import { gradeStudent } from './grade-student';
import { loadGradingKit } from './kit-loader';
import { typescriptCacheToKeep } from './typescript-cache';
import type { GradeJob } from './types';
import type { ToMain, ToWorker } from './protocol';

const send = (message: ToMain): void => {
  process.send?.(message);
};

const kitRoot = process.env.BACKPROP_KIT_ROOT;
if (!kitRoot) throw new Error('BACKPROP_KIT_ROOT is not set');
let kit: ReturnType<typeof loadGradingKit> | undefined;

// Grading blocks this thread for the length of a student, so 'disconnect' below is only
// seen between students; each step also checks that the main process is still there.
const parentPid = process.ppid;

process.on('message', (message: ToWorker) => {
  if (message.type === 'kit') {
    if (kit) return;
    kit = loadGradingKit(kitRoot, message.kit);
    const typescript = typescriptCacheToKeep();
    // sent before any student's code has run in this process: the main process may keep what it holds
    send({ type: 'ready', ...(kit.compiled ? { compiled: kit.compiled } : {}), ...(typescript ? { typescript } : {}) });
    return;
  }
  if (message.type !== 'grade' || !kit) return;
  const job: GradeJob = message.job;
  const onStep = (step: string): void => {
    if (process.ppid !== parentPid || !process.connected) process.exit(0); // the main process is gone: an orphan grades for no one
    send({ type: 'step', jobId: message.jobId, step });
  };
  try {
    send({ type: 'result', jobId: message.jobId, run: gradeStudent(job, kit, onStep) });
  } catch (error) {
    send({ type: 'failed', jobId: message.jobId, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
// the main process went away (finished, or killed): stop too
process.on('disconnect', () => process.exit(0));
send({ type: 'started' });

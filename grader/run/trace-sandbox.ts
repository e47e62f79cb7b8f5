/**
 * `backprop-kit trace --impl <dir>` in the kit: the student's steps run in the grading
 * sandbox (the folder may be anyone's submission). The isolated view runs each step with
 * the reference solutions of the steps it imports; the cascade, the student's own modules
 * wired together, as the integration run does.
 */
import type { Subject } from '../checks/runner';
import { type CompiledFile, Compiler } from '../compile/compiler';
import { kitModules, readKitSources } from '../compile/kit-sources';
import { readSubmission } from '../intake';
import { KIT_ROOT } from '../paths';
import { StudentSandbox } from '../sandbox/sandbox';
import { computeCascade, computeIsolated, type TraceEntry } from '../student/trace';
import { loadTrack } from '../track';
import { modulesFor } from './grade-student';
import { withOwnModules } from './integration';

export async function sandboxedTrace(implDir: string): Promise<{ isolated: TraceEntry[]; cascade: TraceEntry[] }> {
  const track = loadTrack();
  const submission = await readSubmission({ id: 'impl', path: implDir, kind: 'folder' });
  const sources = readKitSources(KIT_ROOT, track);
  const compiler = new Compiler(track, sources);
  const kit = { track, kitModules: kitModules(sources, track) };
  const sandbox = new StudentSandbox({ timeoutMs: 2000, memoryMb: 128 });
  // every file the student has, compiled once, for both views
  const compiled = new Map<string, CompiledFile>();
  const problems = new Map<string, string>();
  for (const exercise of track) {
    const file = submission.exercises[exercise.id];
    if (!file || file.status !== 'ok') {
      problems.set(exercise.id, file?.status === 'unreadable' ? file.message : `exercises/${exercise.id}/${exercise.file} not found`);
      continue;
    }
    const result = compiler.compile(exercise, file.content, { typeCheck: false });
    if (result.js === undefined) problems.set(exercise.id, `${exercise.file} cannot run: ${result.problems[0]?.message ?? 'compile error'}`);
    else compiled.set(exercise.id, result);
  }
  try {
    const isolated = computeIsolated((exerciseId, body: (subject: Subject) => void) => {
      const file = compiled.get(exerciseId);
      if (!file) return problems.get(exerciseId);
      const { abort } = sandbox.withExercise(exerciseId, modulesFor(kit, { id: exerciseId, js: file.js!, imports: file.imports }), (session) => body(session.subject));
      return abort?.message;
    });
    let cascade: TraceEntry[] = [];
    withOwnModules(kit, sandbox, compiled, (call) => {
      cascade = computeCascade((id, fn, args) => problems.get(id) ?? call(id, fn, args));
    });
    return { isolated, cascade };
  } finally {
    sandbox.dispose();
  }
}

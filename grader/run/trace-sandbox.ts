/**
 * `backprop-kit trace --impl <dir>` in the kit: the student's steps run in the grading
 * sandbox (the folder may be anyone's submission), each with the reference solutions of
 * the steps it imports.
 */
import type { Subject } from '../checks/runner';
import { Compiler } from '../compile/compiler';
import { kitModules, readKitSources } from '../compile/kit-sources';
import { readSubmission } from '../intake';
import { KIT_ROOT } from '../paths';
import { StudentSandbox } from '../sandbox/sandbox';
import { computeTrace, type TraceEntry } from '../student/trace';
import { loadTrack } from '../track';
import { modulesFor } from './grade-student';

export async function sandboxedTrace(implDir: string): Promise<{ entries: TraceEntry[]; notes: string[] }> {
  const track = loadTrack();
  const submission = await readSubmission({ id: 'impl', path: implDir, kind: 'folder' });
  const sources = readKitSources(KIT_ROOT, track);
  const compiler = new Compiler(track, sources);
  const kit = { track, kitModules: kitModules(sources, track) };
  const sandbox = new StudentSandbox({ timeoutMs: 2000, memoryMb: 128 });
  try {
    const entries = computeTrace((exerciseId, body: (subject: Subject) => void) => {
      const exercise = track.find((e) => e.id === exerciseId)!;
      const file = submission.exercises[exerciseId];
      if (!file || file.status !== 'ok') return file?.status === 'unreadable' ? file.message : `exercises/${exerciseId}/${exercise.file} not found`;
      const compiled = compiler.compile(exercise, file.content, { typeCheck: false });
      if (compiled.js === undefined) return `${exercise.file} cannot run: ${compiled.problems[0]?.message ?? 'compile error'}`;
      const { abort } = sandbox.withExercise(exerciseId, modulesFor(kit, { id: exerciseId, js: compiled.js, imports: compiled.imports }), (session) => body(session.subject));
      return abort?.message;
    });
    return { entries, notes: submission.notes };
  } finally {
    sandbox.dispose();
  }
}

/** The reference solutions `trace` imports directly: one module per step of the track, each with the step's functions. */
import { describe, expect, it } from 'vitest';
import { REFERENCE_MODULES } from '../grader/student/reference-modules';
import { loadTrack } from '../grader/track';

describe('the reference modules of trace', () => {
  it('are the steps of the track, in order, each exporting the functions the track lists', () => {
    const track = loadTrack();
    expect([...REFERENCE_MODULES.keys()]).toEqual(track.map((e) => e.id));
    for (const exercise of track) {
      const module = REFERENCE_MODULES.get(exercise.id)!;
      for (const fn of exercise.functions) expect(typeof module[fn], `${exercise.id}: ${fn}`).toBe('function');
    }
  });
});
